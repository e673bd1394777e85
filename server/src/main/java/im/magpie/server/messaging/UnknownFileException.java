package im.magpie.server.messaging;

/** A message references a file that was never completely uploaded. */
public final class UnknownFileException extends MessagingException {
    public UnknownFileException(String detail) {
        super(detail);
    }
}
