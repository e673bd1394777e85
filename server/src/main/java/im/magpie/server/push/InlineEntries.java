package im.magpie.server.push;

import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.LogEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one connection has not yet been told about one conversation: the highest seq, and the entries
 * that lead to it while they are consecutive and within budget. Once an advance arrives without
 * usable entries (a gap, a change that must not travel inline, too many bytes) only the seq is kept
 * until the next flush, and the device syncs. Not thread-safe: guarded by its {@link DeviceConnection}.
 */
final class InlineEntries {
    /** Serialized bytes of inline entries per conversation and notification. */
    static final int MAX_BYTES_PER_CONVERSATION = 16 * 1024;
    /** Serialized bytes of inline entries per notification frame (well below the frame limit). */
    static final int MAX_BYTES_PER_FRAME = 256 * 1024;

    private long seq;
    private @Nullable List<LogEntry> entries;
    private int bytes;

    InlineEntries(long seq, List<LogEntry> first) {
        this.seq = seq;
        this.entries = consecutive(first, seq) ? new ArrayList<>(first) : null;
        this.bytes = this.entries == null ? 0 : size(first);
    }

    /** Merges a later (or, rarely, an out-of-order earlier) advance. */
    void advance(long newSeq, List<LogEntry> more) {
        if (newSeq <= seq) {
            return;
        }
        List<LogEntry> kept = entries;
        if (kept != null
                && consecutive(more, newSeq)
                && more.get(0).getSeq() == seq + 1
                && bytes + size(more) <= MAX_BYTES_PER_CONVERSATION) {
            kept.addAll(more);
            bytes += size(more);
        } else {
            entries = null;
        }
        seq = newSeq;
    }

    /** Serialized size of the entries kept, 0 when none. */
    int bytes() {
        return entries == null ? 0 : bytes;
    }

    /** The advance in wire form, with its entries when {@code withEntries} and there are usable ones. */
    ConversationAdvanced.Builder toProto(long conversation, boolean withEntries) {
        ConversationAdvanced.Builder proto = ConversationAdvanced.newBuilder()
                .setConversationId(conversation)
                .setSeq(seq);
        List<LogEntry> kept = entries;
        if (kept != null && withEntries) {
            proto.addAllEntries(kept);
        }
        return proto;
    }

    /** Non-empty, seq increasing by one, ending at {@code seq}. */
    private static boolean consecutive(List<LogEntry> entries, long seq) {
        if (entries.isEmpty() || entries.get(entries.size() - 1).getSeq() != seq) {
            return false;
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).getSeq() != entries.get(i - 1).getSeq() + 1) {
                return false;
            }
        }
        return true;
    }

    private static int size(List<LogEntry> entries) {
        int total = 0;
        for (LogEntry e : entries) {
            total += e.getSerializedSize();
        }
        return total;
    }
}
