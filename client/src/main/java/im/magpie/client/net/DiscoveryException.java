package im.magpie.client.net;

/** Discovery did not answer, or answered something that is not a Magpie discovery document. */
public final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
