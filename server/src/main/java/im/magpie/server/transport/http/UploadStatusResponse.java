package im.magpie.server.transport.http;

import im.magpie.server.files.FileId;
import im.magpie.server.files.UploadStatus;
import org.jspecify.annotations.Nullable;

/** Status of an upload; {@code fileId} stays null until the last byte arrived and the hash matched. */
public record UploadStatusResponse(
        String uploadId, long size, long received, @Nullable String fileId) {
    static UploadStatusResponse of(UploadStatus status) {
        FileId file = status.file();
        return new UploadStatusResponse(
                status.upload().value(), status.size(), status.received(), file == null ? null : file.value());
    }
}
