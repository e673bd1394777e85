package im.magpie.server.account;

/** A user as other features see it: no password hash here. */
public record Account(UserId id, String account, String displayName, boolean disabled) {}
