package im.magpie.server.messaging;

import java.util.List;

/** Older entries of one conversation, newest first. */
public record HistoryPage(List<LogEntry> entries, boolean hasMore) {}
