package im.magpie.server.files;

/**
 * What a client declares before uploading: base name (no directories), exact size, lowercase hex
 * SHA-256 of the plaintext, and media type (may be empty).
 */
public record UploadSpec(String name, long size, String sha256, String mediaType) {}
