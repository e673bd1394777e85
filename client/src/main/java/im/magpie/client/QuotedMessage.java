package im.magpie.client;

/**
 * The message a reply quotes: its seq in the same conversation, its sender and a short plain-text excerpt made by
 * the replying user (the server checks the seq and sender; {@link #MAX_EXCERPT_CHARS} at most).
 */
public record QuotedMessage(long seq, long senderUserId, String excerpt) {
    /** Longest excerpt in characters (code points), as the protocol allows. */
    public static final int MAX_EXCERPT_CHARS = 200;

    public QuotedMessage {
        if (seq <= 0 || senderUserId <= 0) {
            throw new IllegalArgumentException("a quote needs a seq and a sender");
        }
        excerpt = excerpt(excerpt);
        if (excerpt.isEmpty()) {
            throw new IllegalArgumentException("a quote needs an excerpt");
        }
    }

    /** {@code text} on one line, cut to {@link #MAX_EXCERPT_CHARS} characters (ending with "…" when cut). */
    public static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_EXCERPT_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_EXCERPT_CHARS - 1)) + "…";
    }
}
