package im.magpie.server.session;

import im.magpie.server.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for remote wipe orders (table {@code device_wipes}). */
public interface WipeStore {
    /**
     * Orders each device to wipe (keeping the first order time of a device ordered before); returns the orders as
     * stored. Devices that are not the user's are skipped.
     */
    List<WipeOrder> order(UserId user, List<DeviceId> devices, Instant now);

    Optional<WipeOrder> find(DeviceId device);

    /** Records the first delivery of the device's order. */
    void delivered(DeviceId device, Instant now);

    /** Every order for the user's devices. */
    List<WipeOrder> ofUser(UserId user);
}
