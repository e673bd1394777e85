package im.magpie.desktop.login;

/** A login or resume failed for a reason the user can act on ({@link #failure()}). */
public final class LoginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final LoginFailure failure;

    public LoginException(LoginFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
    }

    public LoginException(LoginFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
    }

    public LoginFailure failure() {
        return failure;
    }
}
