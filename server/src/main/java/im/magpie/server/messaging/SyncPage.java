package im.magpie.server.messaging;

import java.util.List;

/**
 * Changes since a cursor, in commit order, with the current state of every conversation touched.
 * {@code nextCursor} is opaque to clients.
 */
// Opaque bytes handed through unchanged; records never compare them and copying would cost the hot path.
@SuppressWarnings("ArrayRecordComponent")
public record SyncPage(
        List<LogEntry> entries, List<ConversationState> conversations, byte[] nextCursor, boolean hasMore) {}
