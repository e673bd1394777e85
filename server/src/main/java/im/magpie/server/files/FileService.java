package im.magpie.server.files;

import im.magpie.server.account.UserId;
import java.io.InputStream;

/**
 * Resumable uploads and ranged downloads of files stored encrypted and deduplicated by content.
 * A user may download a file they uploaded or one referenced by a message in a conversation they
 * belong (or belonged) to.
 */
public interface FileService {
    UploadStatus begin(UserId uploader, UploadSpec spec) throws FileException;

    /** Appends {@code length} bytes at {@code offset} (must equal the bytes received so far). */
    UploadStatus append(UserId uploader, UploadId upload, long offset, InputStream data, long length)
            throws FileException;

    UploadStatus status(UserId uploader, UploadId upload) throws FileException;

    FileDownload open(UserId reader, FileId file, long offset) throws FileException;
}
