package im.magpie.server.messaging;

/** A user named in the request does not exist. */
public final class UnknownUserException extends MessagingException {
    public UnknownUserException(String detail) {
        super(detail);
    }
}
