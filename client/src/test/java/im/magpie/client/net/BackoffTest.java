package im.magpie.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff defaults = new Backoff(Backoff.DEFAULT_INITIAL, Backoff.DEFAULT_CAP, () -> 1.0);

    @Test
    void ceilingDoublesFromHalfASecondToTheThirtySecondCap() {
        assertThat(defaults.ceiling(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(defaults.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.ceiling(1000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.ceiling(-3)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        Backoff jittered = new Backoff(Backoff.DEFAULT_INITIAL, Backoff.DEFAULT_CAP, random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long d = jittered.delay(10).toMillis();
            assertThat(d).isBetween(0L, 30_000L);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isLessThan(1_000);
        assertThat(max).isGreaterThan(29_000);
        for (int attempt = 0; attempt < 8; attempt++) {
            assertThat(jittered.delay(attempt)).isLessThanOrEqualTo(jittered.ceiling(attempt));
        }
    }

    @Test
    void extremesOfTheRandomSourceGiveZeroAndTheCeiling() {
        assertThat(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0).delay(3))
                .isZero();
        assertThat(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0).delay(3))
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
