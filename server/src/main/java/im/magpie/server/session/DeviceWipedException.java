package im.magpie.server.session;

import java.time.Instant;

/** The device logging in was ordered to wipe itself: it gets the order instead of a session. */
public final class DeviceWipedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient DeviceId device;
    private final transient Instant orderedAt;

    public DeviceWipedException(DeviceId device, Instant orderedAt) {
        super("device " + device.value() + " was ordered to wipe");
        this.device = device;
        this.orderedAt = orderedAt;
    }

    public DeviceId device() {
        return device;
    }

    public Instant orderedAt() {
        return orderedAt;
    }
}
