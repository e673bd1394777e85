package im.magpie.client.net;

/** The session token is unknown, expired or revoked: log in again. */
public final class InvalidTokenException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(int status, String detail) {
        super(status, "INVALID_TOKEN", detail);
    }
}
