package im.magpie.server.session;

import im.magpie.server.account.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Logs devices in and out. Tokens are random 256-bit secrets; only their SHA-256 is stored. Failed
 * password logins are limited per account and per remote address.
 */
public interface SessionService {
    /** Logs in; a device with a wipe order gets {@link DeviceWipedException} instead of a session. */
    Session loginWithPassword(String account, String password, LoginAttempt attempt)
            throws InvalidCredentialsException, AccountDisabledException, RateLimitedException, DeviceWipedException;

    /**
     * Resumes with a token issued earlier to the same device; returns the same token. The token of a device with a
     * wipe order (revoked by the order) yields {@link DeviceWipedException}.
     */
    Session resume(String token, LoginAttempt attempt)
            throws InvalidTokenException, AccountDisabledException, DeviceWipedException;

    /** Checks a bearer token (HTTPS calls). */
    Session authenticate(String token) throws InvalidTokenException;

    void logout(String token);

    /** Revokes every session of the user; returns the devices whose sessions ended. */
    List<DeviceId> revokeUser(UserId user);

    /** Revokes the device's sessions; returns true when one was active. */
    boolean revokeDevice(UserId user, DeviceId device);

    /** Devices that ever logged in, newest activity first. */
    List<DeviceInfo> devices(UserId user);

    /**
     * Orders one device of the user (or, with {@code device} null, every device that ever logged in) to wipe its
     * local data, and revokes their sessions. Returns the orders, older ones of the same devices kept.
     *
     * @throws UnknownDeviceException when {@code device} never logged in to this user
     */
    List<WipeOrder> orderWipe(UserId user, @Nullable DeviceId device) throws UnknownDeviceException;

    /** Every wipe order for the user's devices. */
    List<WipeOrder> wipeOrders(UserId user);

    /** Records that the device's wipe order reached it. */
    void wipeDelivered(DeviceId device);
}
