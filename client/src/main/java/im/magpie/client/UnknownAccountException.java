package im.magpie.client;

/** No user with this account name exists on the server. */
public final class UnknownAccountException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownAccountException(String account) {
        super("no such account: " + account);
    }
}
