package im.magpie.server.transport.http;

/** An HTTP request fails with this status and error body; thrown inside routes, answered by {@link HttpJson}. */
public final class HttpFailure extends Exception {
    private final int status;
    private final ErrorResponse body;

    public HttpFailure(int status, String code, String detail) {
        this(status, new ErrorResponse(code, detail));
    }

    public HttpFailure(int status, ErrorResponse body) {
        super(body.code() + ": " + body.detail());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ErrorResponse body() {
        return body;
    }
}
