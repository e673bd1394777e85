package im.magpie.server.messaging;

/** An expected failure of a messaging or conversation operation; each subclass names its condition. */
public abstract sealed class MessagingException extends Exception
        permits ClientMessageIdConflictException,
                ConversationNotFoundException,
                InvalidRequestException,
                NotAMemberException,
                PermissionDeniedException,
                RecallWindowExpiredException,
                UnknownFileException,
                UnknownUserException {
    protected MessagingException(String detail) {
        super(detail);
    }
}
