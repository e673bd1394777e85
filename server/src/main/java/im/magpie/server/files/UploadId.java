package im.magpie.server.files;

/** An upload in progress; valid for its uploader only. */
public record UploadId(String value) {}
