package im.magpie.server.files;

/** A stored file's opaque id (not the plaintext hash, which would confirm guessed content). */
public record FileId(String value) {}
