package im.magpie.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts failed password logins per account and per remote address in a sliding window, in memory.
 * A success clears the account's count. Thread-safe; the number of tracked keys is bounded.
 */
public final class LoginRateLimiter {
    /** How many failures are allowed within {@code window}. */
    public record Limits(int perAccount, int perAddress, Duration window) {
        public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(5));
    }

    static final int MAX_KEYS = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginRateLimiter(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Throws when the account or the address used up its failures for now. */
    public synchronized void check(String account, String address) throws RateLimitedException {
        Instant now = clock.instant();
        check("a:" + account, limits.perAccount(), now, "too many failed logins for this account");
        check("r:" + address, limits.perAddress(), now, "too many failed logins from this address");
    }

    public synchronized void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            purge(now);
        }
        if (failures.size() < MAX_KEYS) {
            failures.computeIfAbsent("a:" + account, k -> new ArrayDeque<>()).addLast(now);
            failures.computeIfAbsent("r:" + address, k -> new ArrayDeque<>()).addLast(now);
        }
    }

    public synchronized void recordSuccess(String account) {
        failures.remove("a:" + account);
    }

    private void check(String key, int limit, Instant now, String detail) throws RateLimitedException {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return;
        }
        dropExpired(times, now);
        if (times.isEmpty()) {
            failures.remove(key);
        } else if (times.size() >= limit) {
            Instant oldest = times.peekFirst();
            Duration retryAfter = Duration.between(now, oldest.plus(limits.window()));
            throw new RateLimitedException(detail, retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
    }

    private void dropExpired(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void purge(Instant now) {
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            dropExpired(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
