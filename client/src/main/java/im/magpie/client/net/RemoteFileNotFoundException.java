package im.magpie.client.net;

/** The upload or file does not exist on the server, or this user may not read it. */
public final class RemoteFileNotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RemoteFileNotFoundException(int status, String detail) {
        super(status, "NOT_FOUND", detail);
    }
}
