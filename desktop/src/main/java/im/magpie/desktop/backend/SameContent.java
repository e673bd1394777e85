package im.magpie.desktop.backend;

import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.MessageBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Whether a path already holds what a file or folder message carries: every file with its size and SHA-256. */
final class SameContent {
    private SameContent() {}

    static boolean as(MessageBody body, Path path) {
        if (body.hasFile()) {
            return sameFile(body.getFile(), path);
        }
        if (!body.hasFolder() || !Files.isDirectory(path)) {
            return false;
        }
        Path root = path.toAbsolutePath().normalize();
        for (FolderEntry entry : body.getFolder().getEntriesList()) {
            Path file = root.resolve(entry.getPath()).normalize();
            if (!file.startsWith(root) || !sameFile(entry.getFile(), file)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFile(FileContent f, Path path) {
        try {
            return Files.isRegularFile(path)
                    && Files.size(path) == f.getSize()
                    && sha256(path).equals(f.getSha256().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
