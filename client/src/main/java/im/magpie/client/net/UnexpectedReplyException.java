package im.magpie.client.net;

/** The server answered with a body of another type than the request calls for: a protocol error. */
public final class UnexpectedReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnexpectedReplyException(String message) {
        super(message);
    }
}
