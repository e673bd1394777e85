package im.magpie.client.net;

/**
 * The HTTPS API answered with an error ({@code {"code": ..., "detail": ...}}), or a transfer failed a check. Typed
 * subclasses exist for the conditions a caller handles: {@link InvalidTokenException},
 * {@link RemoteFileNotFoundException}, {@link ChecksumMismatchException}, {@link FileTooLargeException}.
 */
public class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(code + (detail.isEmpty() ? "" : ": " + detail) + (status > 0 ? " (HTTP " + status + ")" : ""));
        this.status = status;
        this.code = code;
    }

    /** The typed exception for an error answer. */
    static ApiException of(int status, String code, String detail) {
        return switch (code) {
            case "INVALID_TOKEN" -> new InvalidTokenException(status, detail);
            case "NOT_FOUND" -> new RemoteFileNotFoundException(status, detail);
            case "CHECKSUM_MISMATCH" -> new ChecksumMismatchException(status, detail);
            case "TOO_LARGE" -> new FileTooLargeException(status, detail);
            default -> new ApiException(status, code, detail);
        };
    }

    /** HTTP status, or 0 when the failure was detected locally. */
    public int status() {
        return status;
    }

    /** The error code name, e.g. {@code NOT_FOUND}, {@code OFFSET_MISMATCH}. */
    public String code() {
        return code;
    }
}
