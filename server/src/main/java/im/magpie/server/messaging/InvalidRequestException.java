package im.magpie.server.messaging;

/** The request breaks a documented rule (length, count, format); retrying it fails the same way. */
public final class InvalidRequestException extends MessagingException {
    public InvalidRequestException(String detail) {
        super(detail);
    }
}
