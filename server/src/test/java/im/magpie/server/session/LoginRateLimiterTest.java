package im.magpie.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final LoginRateLimiter limiter = new LoginRateLimiter(LoginRateLimiter.Limits.DEFAULT, clock);

    @Test
    void blocksTheAccountAfterFiveFailuresUntilTheOldestExpires() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            limiter.recordFailure("alice", "10.0.0." + i);
        }

        RateLimitedException e =
                catchThrowableOfType(RateLimitedException.class, () -> limiter.check("alice", "10.0.0.99"));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5).minusSeconds(40));

        clock.advance(Duration.ofMinutes(5).minusSeconds(40));
        assertThatCode(() -> limiter.check("alice", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheAccountCount() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("alice", "10.0.0.1");
        }
        limiter.recordSuccess("alice");

        assertThatCode(() -> limiter.check("alice", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void blocksAnAddressAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < 20; i++) {
            limiter.recordFailure("user" + i, "10.0.0.1");
        }

        assertThatCode(() -> limiter.check("someone", "10.0.0.2")).doesNotThrowAnyException();
        RateLimitedException e =
                catchThrowableOfType(RateLimitedException.class, () -> limiter.check("someone", "10.0.0.1"));
        assertThat(e.retryAfter()).isPositive();
    }

    @Test
    void fourFailuresAreStillAllowed() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("alice", "10.0.0.1");
        }

        assertThatCode(() -> limiter.check("alice", "10.0.0.1")).doesNotThrowAnyException();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
