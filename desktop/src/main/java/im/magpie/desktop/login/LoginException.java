package im.magpie.desktop.login;

/** A login or resume failed for a reason the user can act on ({@link #failure()}). */
public final class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final LoginFailure failure;
    private final String detail;

    public LoginException(LoginFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
        this.detail = detail;
    }

    public LoginException(LoginFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
        this.detail = detail;
    }

    public LoginFailure failure() {
        return failure;
    }

    /** The technical reason, untranslated (for a dialog's parentheses and the log). */
    public String detail() {
        return detail;
    }
}
