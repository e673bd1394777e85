package im.magpie.client.net;

/** A completely uploaded file: what a {@code FileContent} needs. */
public record UploadedFile(String fileId, String name, long size, String sha256, String mediaType) {}
