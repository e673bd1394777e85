package im.magpie.client.store;

/** A cached directory entry: enough to show a sender's name. */
public record UserRecord(long userId, String account, String displayName) {}
