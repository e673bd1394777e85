package im.magpie.client.net;

/** The gateway connection closed before a reply arrived, or was not open. Retry on the next connection. */
public final class ConnectionClosedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }
}
