package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/** Port for reading conversation logs and states; never writes. */
public interface LogReader {
    /** Entries after global position {@code afterPos} visible to {@code user}; {@code nextPos} is the last one's. */
    SyncSlice sync(UserId user, long afterPos, int limit);

    /** Entries with seq below {@code beforeSeq} that the user may see, newest first. */
    HistoryPage history(UserId user, ConversationId conversation, long beforeSeq, int limit) throws MessagingException;

    /** The conversation as {@code viewer} sees it; {@link ConversationNotFoundException} for strangers. */
    ConversationState state(UserId viewer, ConversationId conversation) throws MessagingException;

    ReadReceipts readReceipts(UserId viewer, ConversationId conversation, long seq) throws MessagingException;

    /** One page of sync: entries, the states of their conversations, the last position, more waiting. */
    record SyncSlice(List<LogEntry> entries, List<ConversationState> states, long lastPos, boolean hasMore) {}
}
