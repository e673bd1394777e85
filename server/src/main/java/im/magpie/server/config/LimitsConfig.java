package im.magpie.server.config;

import java.time.Duration;

/** Limits and time windows. */
public record LimitsConfig(
        long maxFileBytes,
        int recallWindowSeconds,
        int tokenTtlDays,
        int heartbeatSeconds,
        int loginFailuresPerAccount,
        int loginFailuresPerAddress) {
    /** Clients ping this often by default; see docs/adr/0010-heartbeat-interval.md. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 60;

    public static LimitsConfig defaults() {
        return new LimitsConfig(2L * 1024 * 1024 * 1024, 120, 30, DEFAULT_HEARTBEAT_SECONDS, 5, 20);
    }

    public Duration recallWindow() {
        return Duration.ofSeconds(recallWindowSeconds);
    }

    public Duration tokenTtl() {
        return Duration.ofDays(tokenTtlDays);
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }
}
