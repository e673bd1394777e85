package im.magpie.client;

/** The operation needs a session, and there is none (never logged in here, logged out, or the session ended). */
public final class NotLoggedInException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean sessionEnded;

    /** There was never a session here (or the user logged out). */
    public NotLoggedInException(String message) {
        this(message, false);
    }

    /** {@code sessionEnded}: there was a session and the server ended it (kick, revoked or expired token). */
    public NotLoggedInException(String message, boolean sessionEnded) {
        super(message);
        this.sessionEnded = sessionEnded;
    }

    /** True when the server ended an existing session, so the user must log in again. */
    public boolean sessionEnded() {
        return sessionEnded;
    }
}
