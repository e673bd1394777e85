package im.magpie.server.transport.tcp;

/** A message body is larger than the server stores. */
final class MessageTooLargeException extends Exception {
    MessageTooLargeException(String detail) {
        super(detail);
    }
}
