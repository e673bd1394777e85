package im.magpie.client.store;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One sync page translated for the store, applied in one transaction by {@link LocalStore#applySyncBatch}: the log
 * entries, the recalls and read marks they carry, the authoritative conversation states, and the next cursor.
 */
// equals/hashCode compare the cursor by content.
@SuppressWarnings("ArrayRecordComponent")
public record SyncBatch(
        List<EntryRecord> entries,
        List<Recall> recalls,
        List<ReadMark> readMarks,
        List<ConversationRecord> states,
        byte[] nextCursor,
        List<Setting> settings) {
    public SyncBatch {
        settings = List.copyOf(settings);
        entries = List.copyOf(entries);
        recalls = List.copyOf(recalls);
        readMarks = List.copyOf(readMarks);
        states = List.copyOf(states);
    }

    /** A page without settings changes. */
    public SyncBatch(
            List<EntryRecord> entries,
            List<Recall> recalls,
            List<ReadMark> readMarks,
            List<ConversationRecord> states,
            byte[] nextCursor) {
        this(entries, recalls, readMarks, states, nextCursor, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncBatch b
                && entries.equals(b.entries)
                && recalls.equals(b.recalls)
                && readMarks.equals(b.readMarks)
                && states.equals(b.states)
                && settings.equals(b.settings)
                && Arrays.equals(nextCursor, b.nextCursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, recalls, readMarks, states, settings, Arrays.hashCode(nextCursor));
    }

    @Override
    public String toString() {
        return "SyncBatch[" + entries.size() + " entries, " + states.size() + " states]";
    }

    /** The message at {@code targetSeq} was recalled: mark it and clear its body. */
    public record Recall(long conversationId, long targetSeq) {}

    /** The user's mute and pin of {@code conversationId} (from a SELF-conversation entry), in log order. */
    public record Setting(long conversationId, ConversationSettings settings) {}

    /** {@code userId} has read {@code conversationId} up to {@code readSeq}. */
    public record ReadMark(long conversationId, long userId, long readSeq) {}
}
