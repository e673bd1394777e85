package im.magpie.server.session;

/** The account exists but is disabled. */
public final class AccountDisabledException extends Exception {
    public AccountDisabledException(String detail) {
        super(detail);
    }
}
