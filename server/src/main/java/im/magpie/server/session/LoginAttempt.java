package im.magpie.server.session;

import org.jspecify.annotations.Nullable;

/**
 * What a device sends to log in. {@code deviceId} is null on a device's first login; the server
 * then assigns one. {@code remoteAddress} is used for per-address rate limiting.
 */
public record LoginAttempt(@Nullable DeviceId deviceId, String deviceName, String platform, String remoteAddress) {}
