package im.magpie.desktop.chat;

/** One row of the conversation list, ready to show. {@code timeMs} is 0 when there is no message yet. */
public record ConversationRow(
        long id,
        long avatarId,
        ConversationKind kind,
        String name,
        String initials,
        String preview,
        String time,
        long timeMs,
        int unread,
        long myReadSeq,
        long lastSeq,
        int members) {}
