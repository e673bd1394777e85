package im.magpie.client.net;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the delay before attempt {@code n} (0-based) is uniformly random in
 * {@code [0, min(cap, initial * 2^n)]}.
 */
public final class Backoff {
    /** Reconnect default: 0.5 s doubling to a 30 s cap. */
    public static final Duration DEFAULT_INITIAL = Duration.ofMillis(500);

    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private static final int MAX_SHIFT = 30;

    private final long initialMs;
    private final long capMs;
    private final DoubleSupplier random;

    /** @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public Backoff(Duration initial, Duration cap, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= cap");
        }
        this.initialMs = initial.toMillis();
        this.capMs = cap.toMillis();
        this.random = random;
    }

    /** The upper bound of the delay before attempt {@code attempt}. */
    public Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), MAX_SHIFT);
        long ceiling = initialMs << shift;
        return Duration.ofMillis(ceiling <= 0 || ceiling > capMs ? capMs : ceiling);
    }

    /** A random delay in {@code [0, ceiling(attempt)]}. */
    public Duration delay(int attempt) {
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(Math.round(ceiling(attempt).toMillis() * r));
    }
}
