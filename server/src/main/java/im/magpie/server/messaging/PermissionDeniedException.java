package im.magpie.server.messaging;

/** The caller lacks the role or ownership the operation needs. */
public final class PermissionDeniedException extends MessagingException {
    public PermissionDeniedException(String detail) {
        super(detail);
    }
}
