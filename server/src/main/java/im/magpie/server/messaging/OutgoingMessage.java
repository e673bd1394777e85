package im.magpie.server.messaging;

/**
 * A message as submitted by its sender. {@code body} is the serialized {@code im.v1.MessageBody};
 * the domain stores it encrypted and never interprets it beyond {@code facts}.
 */
// Opaque bytes handed through unchanged; records never compare them and copying would cost the hot path.
@SuppressWarnings("ArrayRecordComponent")
public record OutgoingMessage(ConversationId conversation, ClientMessageId clientId, byte[] body, MessageFacts facts) {
    /** The largest body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
}
