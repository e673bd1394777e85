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
    public static LimitsConfig defaults() {
        return new LimitsConfig(2L * 1024 * 1024 * 1024, 120, 30, 30, 5, 20);
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
