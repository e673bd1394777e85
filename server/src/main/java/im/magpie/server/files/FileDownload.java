package im.magpie.server.files;

import java.io.InputStream;

/** An open, decrypting stream over a stored file, starting at {@code offset}. The caller closes it. */
public record FileDownload(FileId id, long size, long offset, String sha256, InputStream content) {}
