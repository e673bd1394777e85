package im.magpie.client;

/**
 * An administrator ordered this device to wipe itself (remote wipe): the account's local data on this device is
 * deleted and the session is gone; a new login starts over as a new device.
 */
public final class DeviceWipedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long orderedAtMs;

    public DeviceWipedException(long orderedAtMs) {
        super("an administrator wiped this device");
        this.orderedAtMs = orderedAtMs;
    }

    /** When the administrator gave the order, Unix milliseconds. */
    public long orderedAtMs() {
        return orderedAtMs;
    }
}
