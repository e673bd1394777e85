package im.magpie.server.session;

import im.magpie.server.account.Account;
import im.magpie.server.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence port for devices and sessions. Tokens arrive here only as SHA-256 hashes. */
public interface SessionStore {
    /** A session row with its account as it is now. */
    record StoredSession(Account account, DeviceId device, Instant expiresAt, boolean revoked) {}

    /** A device's name and platform as of a login at {@code at}. */
    record Touch(DeviceId device, String name, String platform, Instant at) {}

    /**
     * Records a login of a device: reuses {@code requested} when it is this user's device or unused,
     * otherwise assigns a new id. Returns the id in use.
     */
    DeviceId registerDevice(UserId user, @Nullable DeviceId requested, String name, String platform, Instant now);

    /** Stores a new session and revokes any earlier session of the same device. */
    void insertSession(byte[] tokenHash, UserId user, DeviceId device, Instant now, Instant expiresAt);

    Optional<StoredSession> find(byte[] tokenHash);

    /**
     * Records the logins in one batch: name and platform as given, last seen moved forward to {@code at} (never back).
     */
    void touchDevices(List<Touch> touches);

    boolean revoke(byte[] tokenHash, Instant now);

    List<DeviceId> revokeUser(UserId user, Instant now);

    boolean revokeDevice(UserId user, DeviceId device, Instant now);

    List<DeviceInfo> devices(UserId user);
}
