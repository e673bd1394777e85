package im.magpie.server.messaging;

/** The log writer did not confirm a change in time, or failed; the change may be retried. Unexpected. */
public final class LogWriteException extends RuntimeException {
    public LogWriteException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
