package im.magpie.client.net;

import im.magpie.protocol.v1.ErrorCode;

/** The server answered a request with an {@code ErrorReply}. {@link #code()} says why. */
public final class RequestFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long retryAfterMs;

    public RequestFailedException(ErrorCode code, String detail, long retryAfterMs) {
        super(shortName(code) + (detail.isEmpty() ? "" : ": " + detail));
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorCode code() {
        return code;
    }

    /** The code name without the {@code ERROR_CODE_} prefix, as the HTTP API spells it. */
    public String codeName() {
        return shortName(code);
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }

    static String shortName(ErrorCode code) {
        return code.name().replaceFirst("^ERROR_CODE_", "");
    }
}
