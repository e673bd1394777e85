package im.magpie.desktop.history;

/**
 * A search of the local messages: {@code text} (may be blank when a filter is set), {@code conversationId} and
 * {@code senderId} (0: any), server time from {@code fromMs} (inclusive) until {@code untilMs} (exclusive), and the
 * page: {@code before} is the previous page's {@link HistoryPage#next()} ({@link Long#MAX_VALUE} for the first).
 */
public record HistoryQuery(
        String text, long conversationId, long senderId, long fromMs, long untilMs, long before, int limit) {
    public HistoryQuery next(long cursor) {
        return new HistoryQuery(text, conversationId, senderId, fromMs, untilMs, cursor, limit);
    }
}
