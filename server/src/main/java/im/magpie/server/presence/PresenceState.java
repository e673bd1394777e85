package im.magpie.server.presence;

/** A device's or user's presence; for a user, online beats away beats offline. */
public enum PresenceState {
    ONLINE,
    AWAY,
    OFFLINE
}
