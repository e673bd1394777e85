package im.magpie.server.files;

import im.magpie.server.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence port for upload and file rows. Keys and hashes arrive sealed by the master key. */
public interface FileStore {
    /** A completely stored file. */
    // Sealed key material handed through; records never compare it.
    @SuppressWarnings("ArrayRecordComponent")
    record StoredFile(String id, long size, byte[] sealedHash, byte[] wrappedKey, byte[] nonce) {}

    /** An upload; {@code lookupId} is the file id its content will have. */
    // Sealed key material handed through; records never compare it.
    @SuppressWarnings("ArrayRecordComponent")
    record UploadRow(
            String id,
            UserId uploader,
            long size,
            byte[] sealedHash,
            String lookupId,
            byte[] wrappedKey,
            byte[] nonce,
            long received,
            @Nullable String fileId) {}

    Optional<StoredFile> file(String id);

    void insertUpload(UploadRow upload, Instant now);

    Optional<UploadRow> upload(String id, UserId uploader);

    void setReceived(String uploadId, long received);

    /** Restarts an upload at 0 with a new key (after a checksum mismatch). */
    void resetUpload(String uploadId, byte[] wrappedKey, byte[] nonce);

    /** Records the file (unless it exists already) and links the upload to it, atomically. */
    void completeUpload(String uploadId, StoredFile file, Instant now);

    /** True when the reader uploaded the file or is or was a member of a conversation that references it. */
    boolean canRead(UserId reader, String fileId);

    /** Ids of incomplete uploads begun before {@code createdBefore}, oldest first, at most {@code limit}. */
    List<String> abandonedUploads(Instant createdBefore, int limit);

    /** Deletes an upload that never completed (a completed one stays: it proves who uploaded the file). */
    void deleteIncompleteUpload(String uploadId);
}
