package im.magpie.server.account;

/** An account with this name already exists. */
public final class AccountExistsException extends Exception {
    public AccountExistsException(String account) {
        super("account already exists: " + account);
    }
}
