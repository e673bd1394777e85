package im.magpie.client.store;

/**
 * What {@link EntryTable#search(MessageSearch)} looks for: words in the text (CJK substrings of any length, other words
 * by prefix; may be blank when a filter is set), and optional filters. {@code conversationId} and {@code senderId} are
 * 0 for "any"; messages from {@code fromMs} (inclusive) until {@code untilMs} (exclusive), server time in epoch
 * milliseconds. {@code before} is the {@link SearchPage#next()} of the previous page, {@link Long#MAX_VALUE} for the
 * first one; {@code limit} is the page size (1 to {@link EntryTable#MAX_PAGE}).
 */
public record MessageSearch(
        String text, long conversationId, long senderId, long fromMs, long untilMs, long before, int limit) {
    /** Default page size. */
    public static final int PAGE = 50;

    public MessageSearch {
        if (conversationId < 0 || senderId < 0) {
            throw new IllegalArgumentException("conversation and sender ids are positive, or 0 for any");
        }
        if (fromMs < 0 || untilMs <= fromMs) {
            throw new IllegalArgumentException("the time range is empty");
        }
        if (before <= 0) {
            throw new IllegalArgumentException("the page cursor must be positive");
        }
        if (limit < 1 || limit > EntryTable.MAX_PAGE) {
            throw new IllegalArgumentException("page size out of range: " + limit);
        }
    }

    /** The first page of messages matching {@code text} anywhere, any time, from anyone. */
    public static MessageSearch of(String text) {
        return new MessageSearch(text, 0, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE, PAGE);
    }

    public MessageSearch inConversation(long id) {
        return new MessageSearch(text, id, senderId, fromMs, untilMs, before, limit);
    }

    public MessageSearch from(long userId) {
        return new MessageSearch(text, conversationId, userId, fromMs, untilMs, before, limit);
    }

    /** Server time range: {@code fromMs} inclusive, {@code untilMs} exclusive. */
    public MessageSearch between(long from, long until) {
        return new MessageSearch(text, conversationId, senderId, from, until, before, limit);
    }

    public MessageSearch after(long cursor) {
        return new MessageSearch(text, conversationId, senderId, fromMs, untilMs, cursor, limit);
    }

    public MessageSearch limit(int size) {
        return new MessageSearch(text, conversationId, senderId, fromMs, untilMs, before, size);
    }

    /** Whether anything narrows the search besides the text. */
    public boolean filtered() {
        return conversationId != 0 || senderId != 0 || fromMs != 0 || untilMs != Long.MAX_VALUE;
    }
}
