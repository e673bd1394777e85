package im.magpie.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it: for recall windows, token expiry and rate limits. */
public final class MutableClock extends Clock {
    private final Instant[] now; // shared with clocks made by withZone; guarded by itself
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(new Instant[] {start}, ZoneOffset.UTC);
    }

    private MutableClock(Instant[] now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        synchronized (now) {
            now[0] = now[0].plus(by);
        }
    }

    public void set(Instant instant) {
        synchronized (now) {
            now[0] = instant;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        synchronized (now) {
            return now[0];
        }
    }
}
