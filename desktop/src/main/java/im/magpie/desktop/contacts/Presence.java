package im.magpie.desktop.contacts;

/** Presence as shown by the coloured dot (U3); UNKNOWN until the server said. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE,
    UNKNOWN
}
