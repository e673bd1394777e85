package im.magpie.bench;

/**
 * Text bodies of a fixed size that carry the moment they were meant to be sent ({@link System#nanoTime()} of the
 * generator, the one monotonic clock of every latency), so a receiver can compute send→receive latency.
 */
final class Bodies {
    private static final String PREFIX = "bench:";
    private final int size;

    Bodies(int size) {
        if (size < 32) {
            throw new IllegalArgumentException("message size must be at least 32 characters");
        }
        this.size = size;
    }

    String text(long sendNanos) {
        StringBuilder sb =
                new StringBuilder(size).append(PREFIX).append(sendNanos).append(':');
        while (sb.length() < size) {
            sb.append((char) ('a' + sb.length() % 26));
        }
        return sb.toString();
    }

    /** The send time in a body made by {@link #text}, or -1 when the body is not one. */
    static long sendNanos(String text) {
        if (!text.startsWith(PREFIX)) {
            return -1;
        }
        int end = text.indexOf(':', PREFIX.length());
        if (end < 0) {
            return -1;
        }
        try {
            return Long.parseLong(text.substring(PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
