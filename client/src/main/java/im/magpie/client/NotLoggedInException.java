package im.magpie.client;

/** The operation needs a session, and there is none (never logged in here, logged out, or the session ended). */
public final class NotLoggedInException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotLoggedInException(String message) {
        super(message);
    }
}
