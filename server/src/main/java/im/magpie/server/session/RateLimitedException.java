package im.magpie.server.session;

import java.time.Duration;

/** Too many failed logins for this account or from this address. */
public final class RateLimitedException extends Exception {
    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
