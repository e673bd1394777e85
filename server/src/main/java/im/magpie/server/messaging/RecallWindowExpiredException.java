package im.magpie.server.messaging;

/** The recall came after the recall window closed. */
public final class RecallWindowExpiredException extends MessagingException {
    public RecallWindowExpiredException(String detail) {
        super(detail);
    }
}
