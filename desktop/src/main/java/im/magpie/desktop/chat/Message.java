package im.magpie.desktop.chat;

/**
 * One stored log entry of a conversation, decoded for display; {@code forwarded}: the sender forwarded its content
 * from another message.
 */
public record Message(
        long conversationId,
        long seq,
        long senderId,
        long timeMs,
        Content content,
        boolean recalled,
        String clientMessageId,
        boolean forwarded) {

    /** A message written in this conversation (not forwarded). */
    public Message(
            long conversationId,
            long seq,
            long senderId,
            long timeMs,
            Content content,
            boolean recalled,
            String clientMessageId) {
        this(conversationId, seq, senderId, timeMs, content, recalled, clientMessageId, false);
    }

    public boolean isNotice() {
        return content instanceof Content.Notice;
    }
}
