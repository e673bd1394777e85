package im.magpie.client.net;

/** The file (or a chunk) is larger than the server accepts. */
public final class FileTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public FileTooLargeException(int status, String detail) {
        super(status, "TOO_LARGE", detail);
    }
}
