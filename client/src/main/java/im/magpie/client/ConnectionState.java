package im.magpie.client;

/** Where the long connection stands. */
public enum ConnectionState {
    /** Not logged in, or closed. */
    OFFLINE,
    /** Connecting or waiting for the next reconnect attempt. */
    CONNECTING,
    /** Logged in; requests go through. */
    ONLINE,
    /** The server ended the session (kick, revoked token) or the certificate changed: log in again. */
    SESSION_ENDED
}
