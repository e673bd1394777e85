package im.magpie.server.files;

import org.jspecify.annotations.Nullable;

/**
 * Progress of an upload. {@code file} is set once every byte arrived and the hash matched (or at
 * once, when identical content was stored before: deduplication).
 */
public record UploadStatus(
        UploadId upload, long size, long received, @Nullable FileId file) {
    public boolean complete() {
        return file != null;
    }
}
