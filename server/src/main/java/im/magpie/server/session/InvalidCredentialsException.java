package im.magpie.server.session;

/** Wrong account or password (deliberately not saying which). */
public final class InvalidCredentialsException extends Exception {
    public InvalidCredentialsException(String detail) {
        super(detail);
    }
}
