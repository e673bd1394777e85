package im.magpie.server.session;

/** The session token is unknown, expired or revoked. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String detail) {
        super(detail);
    }
}
