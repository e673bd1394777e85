package im.magpie.client.store;

/**
 * The local database's key cannot be unwrapped on this device: the files were copied from another machine or
 * another OS user, or the key file was damaged. The data cannot be read here; log in again to start a fresh store.
 */
public final class DeviceMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeviceMismatchException(String message) {
        super(message);
    }

    public DeviceMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
