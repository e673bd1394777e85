package im.magpie.desktop.chat;

/**
 * One row of the conversation list, ready to show. {@code timeMs} is 0 when there is no message yet. A muted row
 * shows an unread dot instead of a count and does not add to the rail's total; pinned rows are listed first.
 */
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
        int members,
        boolean muted,
        boolean pinned) {

    /** A row neither muted nor pinned. */
    public ConversationRow(
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
            int members) {
        this(
                id, avatarId, kind, name, initials, preview, time, timeMs, unread, myReadSeq, lastSeq, members, false,
                false);
    }

    /** The same row with another unread count. */
    public ConversationRow withUnread(int count) {
        return new ConversationRow(
                id, avatarId, kind, name, initials, preview, time, timeMs, count, myReadSeq, lastSeq, members, muted,
                pinned);
    }

    /** The count the rail's total adds up: 0 for a muted conversation. */
    public int unreadCounted() {
        return muted ? 0 : unread;
    }

    /** Whether the row shows a plain dot (muted with unread messages) instead of a count. */
    public boolean unreadDot() {
        return muted && unread > 0;
    }
}
