package im.magpie.server.files;

import im.magpie.server.crypto.FileCipher;
import im.magpie.server.crypto.FileKey;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Cipher;

/**
 * Encrypted file content on disk: partial uploads in {@code <root>/tmp/<uploadId>}, finished files in
 * {@code <root>/objects/<xx>/<fileId>}. Bytes are encrypted before they are written; plaintext never
 * touches the disk.
 */
public final class ContentStore {
    private static final int BUFFER = 64 * 1024;

    private final Path tmp;
    private final Path objects;
    private final FileCipher cipher;

    public ContentStore(Path root, FileCipher cipher) throws IOException {
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.cipher = cipher;
    }

    /** Encrypts exactly {@code length} bytes of {@code data} into the partial file at {@code offset}, synced. */
    public void write(String uploadId, FileKey key, long offset, InputStream data, long length) throws IOException {
        Cipher ctr = cipher.at(key, offset);
        try (FileChannel out =
                FileChannel.open(partial(uploadId), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    out.truncate(offset);
                    throw new EOFException("chunk ended after " + (length - left) + " of " + length + " bytes");
                }
                ByteBuffer encrypted = ByteBuffer.wrap(ctr.update(buffer, 0, n));
                while (encrypted.hasRemaining()) {
                    out.write(encrypted);
                }
                left -= n;
            }
            out.force(false);
        }
    }

    /** Lowercase hex SHA-256 of the decrypted partial file. */
    public String plaintextSha256(String uploadId, FileKey key) throws IOException {
        MessageDigest digest = sha256();
        Path file = partial(uploadId);
        if (Files.exists(file)) {
            try (InputStream in = cipher.decrypting(key, 0, Files.newInputStream(file))) {
                byte[] buffer = new byte[BUFFER];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public void discard(String uploadId) throws IOException {
        Files.deleteIfExists(partial(uploadId));
    }

    /** Moves the finished partial file to the object store; returns false when the object existed already. */
    public boolean publish(String uploadId, String fileId) throws IOException {
        Path target = object(fileId);
        if (Files.exists(target)) {
            discard(uploadId);
            return false;
        }
        Files.createDirectories(target.getParent());
        Path source = partial(uploadId);
        if (!Files.exists(source)) {
            Files.createFile(source);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(source, target);
        }
        return true;
    }

    public boolean exists(String fileId) {
        return Files.exists(object(fileId));
    }

    /** A decrypting stream over a stored file from plaintext {@code offset}. */
    public InputStream open(String fileId, FileKey key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(object(fileId), StandardOpenOption.READ);
        channel.position(offset);
        return cipher.decrypting(key, offset, Channels.newInputStream(channel));
    }

    private Path partial(String uploadId) {
        return tmp.resolve(uploadId);
    }

    private Path object(String fileId) {
        return objects.resolve(fileId.substring(0, 2)).resolve(fileId);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
