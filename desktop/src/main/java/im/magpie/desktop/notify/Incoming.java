package im.magpie.desktop.notify;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationKind;

/**
 * A message as it was stored on this device, with what a notification needs to know about it: the conversation's
 * kind, title (groups; empty for others) and the user's mute setting for it at arrival, and the sender's display
 * name. {@code timeMs} is the server's time of the message.
 */
public record Incoming(
        long conversationId,
        long seq,
        ConversationKind kind,
        String title,
        boolean muted,
        long senderId,
        String senderName,
        long timeMs,
        Content content,
        boolean recalled) {

    /** Whether the message @mentions {@code userId}, or everyone in the group ("@所有人"). */
    public boolean mentions(long userId) {
        return content instanceof Content.Text t && (t.mentions().contains(userId) || t.mentionAll());
    }
}
