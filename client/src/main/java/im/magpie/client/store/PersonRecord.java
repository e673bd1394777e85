package im.magpie.client.store;

/** Someone in the directory the server lets the user see: who they are and their signature (may be empty). */
public record PersonRecord(long userId, String account, String displayName, String signature) {}
