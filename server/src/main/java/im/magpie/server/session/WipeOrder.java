package im.magpie.server.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An administrator's order that a device wipe its local data; {@code deliveredAt} is null until it reached it. */
public record WipeOrder(
        DeviceId device, Instant orderedAt, @Nullable Instant deliveredAt) {}
