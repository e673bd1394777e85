/**
 * The only door to devices: {@link im.magpie.server.push.DeviceConnections} (who is connected),
 * {@link im.magpie.server.push.NotificationPublisher} (the {@code EventPublisher} that coalesces
 * notifications) and {@link im.magpie.server.push.PushService} (kick, list online devices).
 */
@NullMarked
package im.magpie.server.push;

import org.jspecify.annotations.NullMarked;
