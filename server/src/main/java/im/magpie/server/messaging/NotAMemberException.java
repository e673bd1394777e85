package im.magpie.server.messaging;

/** The caller is not, or no longer, a member of the conversation. */
public final class NotAMemberException extends MessagingException {
    public NotAMemberException(String detail) {
        super(detail);
    }
}
