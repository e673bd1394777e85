package im.magpie.server.store.postgres;

/** A database operation failed unexpectedly. The message names the operation and ids, never private content. */
public final class StoreException extends RuntimeException {
    public StoreException(String operation, Throwable cause) {
        super(operation, cause);
    }
}
