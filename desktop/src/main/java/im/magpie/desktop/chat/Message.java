package im.magpie.desktop.chat;

/** One stored log entry of a conversation, decoded for display. */
public record Message(
        long conversationId,
        long seq,
        long senderId,
        long timeMs,
        Content content,
        boolean recalled,
        String clientMessageId) {

    public boolean isNotice() {
        return content instanceof Content.Notice;
    }
}
