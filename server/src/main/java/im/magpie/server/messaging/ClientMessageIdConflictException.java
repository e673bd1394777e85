package im.magpie.server.messaging;

/** The sender reused a client message id for a different conversation. */
public final class ClientMessageIdConflictException extends MessagingException {
    public ClientMessageIdConflictException(String detail) {
        super(detail);
    }
}
