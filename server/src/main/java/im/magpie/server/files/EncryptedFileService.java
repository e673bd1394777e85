package im.magpie.server.files;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.FileCipher;
import im.magpie.server.crypto.FileKey;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.crypto.SealingKey;
import im.magpie.server.files.FileException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link FileService} storing content encrypted with a per-file AES-256-CTR key (wrapped by the
 * master key) and deduplicated by content: a file's id is HMAC-SHA256(master subkey, sha256:size),
 * so equal content gets the same id without the id revealing the plaintext hash.
 */
public final class EncryptedFileService implements FileService {
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{64}");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int LOCK_STRIPES = 64;

    /** Incomplete uploads older than this are deleted by {@link #purgeAbandonedUploads()}. */
    public static final Duration ABANDONED_UPLOAD_AGE = Duration.ofDays(7);

    private static final int PURGE_BATCH = 500;

    private final FileStore store;
    private final ContentStore content;
    private final MasterKey master;
    private final SealingKey wrapping;
    private final FileCipher cipher;
    private final long maxFileBytes;
    private final Clock clock;
    private final SecureRandom random;
    private final Object[] uploadLocks = stripes();
    private final Object[] fileLocks = stripes();

    public EncryptedFileService(
            FileStore store,
            ContentStore content,
            MasterKey master,
            FileCipher cipher,
            long maxFileBytes,
            Clock clock,
            SecureRandom random) {
        this.store = store;
        this.content = content;
        this.master = master;
        this.wrapping = master.wrappingKey();
        this.cipher = cipher;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public UploadStatus begin(UserId uploader, UploadSpec spec) throws FileException {
        if (!FileNames.isValidName(spec.name())
                || !FileNames.isValidSha256(spec.sha256())
                || !FileNames.isValidMediaType(spec.mediaType())
                || spec.size() < 0) {
            throw new FileException(Reason.INVALID, "malformed name, size, hash or media type");
        }
        if (spec.size() > maxFileBytes) {
            throw new FileException(Reason.TOO_LARGE, "file larger than " + maxFileBytes + " bytes");
        }
        String fileId = fileId(spec.sha256(), spec.size());
        String uploadId = newUploadId();
        Optional<FileStore.StoredFile> existing = store.file(fileId);
        FileKey key = cipher.newKey();
        byte[] sealedHash = wrapping.seal(HexFormat.of().parseHex(spec.sha256()), aad("hash", fileId));
        boolean done = existing.isPresent() && content.exists(fileId);
        FileStore.UploadRow row = new FileStore.UploadRow(
                uploadId,
                uploader,
                spec.size(),
                sealedHash,
                fileId,
                wrapping.seal(key.key(), aad("key", fileId)),
                key.nonce(),
                done ? spec.size() : 0,
                done ? fileId : null);
        store.insertUpload(row, clock.instant());
        if (!done && spec.size() == 0) {
            if (!spec.sha256().equals(EMPTY_SHA256)) {
                throw new FileException(Reason.CHECKSUM_MISMATCH, "an empty file has another SHA-256");
            }
            return finish(row);
        }
        return status(row);
    }

    @Override
    public UploadStatus append(UserId uploader, UploadId upload, long offset, InputStream data, long length)
            throws FileException {
        synchronized (uploadLocks[stripe(upload.value())]) {
            FileStore.UploadRow row = row(uploader, upload);
            if (row.fileId() != null) {
                return status(row);
            }
            if (offset != row.received()) {
                throw new FileException(Reason.OFFSET_MISMATCH, "upload stands at " + row.received(), row.received());
            }
            if (length < 0) {
                throw new FileException(Reason.INVALID, "negative chunk length");
            }
            if (length > MAX_CHUNK_BYTES || offset + length > row.size()) {
                throw new FileException(Reason.TOO_LARGE, "chunk above 8 MiB or beyond the declared size");
            }
            try {
                content.write(row.id(), key(row), offset, data, length);
            } catch (EOFException e) {
                throw new FileException(Reason.INVALID, "chunk shorter than its declared length");
            } catch (IOException e) {
                throw new UncheckedIOException("write chunk of upload " + row.id(), e);
            }
            long received = offset + length;
            store.setReceived(row.id(), received);
            FileStore.UploadRow advanced = withReceived(row, received);
            return received == row.size() ? finish(advanced) : status(advanced);
        }
    }

    @Override
    public UploadStatus status(UserId uploader, UploadId upload) throws FileException {
        return status(row(uploader, upload));
    }

    @Override
    public FileDownload open(UserId reader, FileId file, long offset) throws FileException {
        if (!FILE_ID.matcher(file.value()).matches()) {
            throw new FileException(Reason.NOT_FOUND, "no such file");
        }
        FileStore.StoredFile stored = store.file(file.value())
                .filter(f -> store.canRead(reader, f.id()))
                .orElseThrow(() -> new FileException(Reason.NOT_FOUND, "no such file"));
        if (offset < 0 || offset > stored.size()) {
            throw new FileException(Reason.INVALID, "offset outside the file");
        }
        FileKey key = new FileKey(wrapping.open(stored.wrappedKey(), aad("key", stored.id())), stored.nonce());
        String sha256 = HexFormat.of().formatHex(wrapping.open(stored.sealedHash(), aad("hash", stored.id())));
        try {
            return new FileDownload(file, stored.size(), offset, sha256, content.open(stored.id(), key, offset));
        } catch (IOException e) {
            throw new UncheckedIOException("open file " + stored.id(), e);
        }
    }

    private UploadStatus finish(FileStore.UploadRow row) throws FileException {
        FileKey key = key(row);
        String declared = HexFormat.of().formatHex(wrapping.open(row.sealedHash(), aad("hash", row.lookupId())));
        try {
            if (!content.plaintextSha256(row.id(), key).equals(declared)) {
                content.discard(row.id());
                FileKey fresh = cipher.newKey();
                store.resetUpload(row.id(), wrapping.seal(fresh.key(), aad("key", row.lookupId())), fresh.nonce());
                throw new FileException(Reason.CHECKSUM_MISMATCH, "content does not match the declared SHA-256");
            }
            synchronized (fileLocks[stripe(row.lookupId())]) {
                FileStore.StoredFile file = new FileStore.StoredFile(
                        row.lookupId(), row.size(), row.sealedHash(), row.wrappedKey(), row.nonce());
                if (!content.publish(row.id(), row.lookupId())
                        && store.file(row.lookupId()).isEmpty()) {
                    throw new IllegalStateException("object " + row.lookupId() + " exists without its row");
                }
                store.completeUpload(row.id(), file, clock.instant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("finish upload " + row.id(), e);
        }
        return new UploadStatus(new UploadId(row.id()), row.size(), row.size(), new FileId(row.lookupId()));
    }

    private FileStore.UploadRow row(UserId uploader, UploadId upload) throws FileException {
        if (!UPLOAD_ID.matcher(upload.value()).matches()) {
            throw new FileException(Reason.UNKNOWN_UPLOAD, "no such upload");
        }
        return store.upload(upload.value(), uploader)
                .orElseThrow(() -> new FileException(Reason.UNKNOWN_UPLOAD, "no such upload"));
    }

    private FileKey key(FileStore.UploadRow row) {
        return new FileKey(wrapping.open(row.wrappedKey(), aad("key", row.lookupId())), row.nonce());
    }

    private static UploadStatus status(FileStore.UploadRow row) {
        FileId file = row.fileId() == null ? null : new FileId(row.fileId());
        return new UploadStatus(new UploadId(row.id()), row.size(), row.received(), file);
    }

    private static FileStore.UploadRow withReceived(FileStore.UploadRow row, long received) {
        return new FileStore.UploadRow(
                row.id(),
                row.uploader(),
                row.size(),
                row.sealedHash(),
                row.lookupId(),
                row.wrappedKey(),
                row.nonce(),
                received,
                row.fileId());
    }

    private String fileId(String sha256, long size) {
        return HexFormat.of().formatHex(master.mac("file-id", (sha256 + ":" + size).getBytes(StandardCharsets.UTF_8)));
    }

    private String newUploadId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] aad(String purpose, String fileId) {
        return ("magpie/file-" + purpose + "/" + fileId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Deletes uploads that were begun more than {@link #ABANDONED_UPLOAD_AGE} ago and never completed,
     * with their encrypted partial content; returns how many. Runs periodically (see {@code FileComponents}).
     */
    public int purgeAbandonedUploads() throws IOException {
        Instant cutoff = clock.instant().minus(ABANDONED_UPLOAD_AGE);
        int purged = 0;
        for (List<String> batch = store.abandonedUploads(cutoff, PURGE_BATCH);
                !batch.isEmpty();
                batch = store.abandonedUploads(cutoff, PURGE_BATCH)) {
            for (String id : batch) {
                synchronized (uploadLocks[stripe(id)]) {
                    store.deleteIncompleteUpload(id);
                    content.discard(id);
                }
                purged++;
            }
        }
        return purged;
    }

    private static int stripe(String id) {
        return Math.floorMod(id.hashCode(), LOCK_STRIPES);
    }

    private static Object[] stripes() {
        Object[] locks = new Object[LOCK_STRIPES];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        return locks;
    }
}
