package im.magpie.client.store;

/** The local database failed unexpectedly; the message names the operation and ids, never message content. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String operation, Throwable cause) {
        super(operation, cause);
    }
}
