package im.magpie.desktop.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the conversation list needs of one conversation: its state, the newest message (null when there is none
 * yet) and how many messages from others arrived after the user's read mark.
 */
public record ConversationInfo(
        long id,
        ConversationKind kind,
        String title,
        List<Long> memberIds,
        long myReadSeq,
        @Nullable Message last,
        int unread) {
    public ConversationInfo {
        memberIds = List.copyOf(memberIds);
    }

    /** The other member of a direct chat; 0 when there is none. */
    public long peer(long self) {
        return memberIds.stream().filter(id -> id != self).findFirst().orElse(0L);
    }
}
