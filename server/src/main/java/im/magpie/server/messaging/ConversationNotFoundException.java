package im.magpie.server.messaging;

/** The conversation does not exist, or the caller may not know it does. */
public final class ConversationNotFoundException extends MessagingException {
    public ConversationNotFoundException(String detail) {
        super(detail);
    }
}
