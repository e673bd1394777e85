package im.magpie.server.account;

/** No account with this name or id exists. */
public final class UnknownAccountException extends Exception {
    public UnknownAccountException(String account) {
        super("no such account: " + account);
    }
}
