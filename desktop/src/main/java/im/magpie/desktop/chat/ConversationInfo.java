package im.magpie.desktop.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the conversation list needs of one conversation: its state, the newest message (null when there is none
 * yet), how many messages from others arrived after the user's read mark, and the user's mute (do not disturb) and
 * pin settings for it (shared by all of the user's devices).
 */
public record ConversationInfo(
        long id,
        ConversationKind kind,
        String title,
        List<Long> memberIds,
        long myReadSeq,
        @Nullable Message last,
        int unread,
        boolean muted,
        boolean pinned) {
    public ConversationInfo {
        memberIds = List.copyOf(memberIds);
    }

    /** A conversation neither muted nor pinned. */
    public ConversationInfo(
            long id,
            ConversationKind kind,
            String title,
            List<Long> memberIds,
            long myReadSeq,
            @Nullable Message last,
            int unread) {
        this(id, kind, title, memberIds, myReadSeq, last, unread, false, false);
    }

    /** The other member of a direct chat; 0 when there is none. */
    public long peer(long self) {
        return memberIds.stream().filter(id -> id != self).findFirst().orElse(0L);
    }
}
