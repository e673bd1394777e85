package im.magpie.server.session;

/** No device with that id ever logged in to the account. */
public final class UnknownDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownDeviceException(String message) {
        super(message);
    }
}
