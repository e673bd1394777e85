package im.magpie.server.session;

import im.magpie.server.account.UserId;
import java.util.List;

/**
 * Logs devices in and out. Tokens are random 256-bit secrets; only their SHA-256 is stored. Failed
 * password logins are limited per account and per remote address.
 */
public interface SessionService {
    Session loginWithPassword(String account, String password, LoginAttempt attempt)
            throws InvalidCredentialsException, AccountDisabledException, RateLimitedException;

    /** Resumes with a token issued earlier to the same device; returns the same token. */
    Session resume(String token, LoginAttempt attempt) throws InvalidTokenException, AccountDisabledException;

    /** Checks a bearer token (HTTPS calls). */
    Session authenticate(String token) throws InvalidTokenException;

    void logout(String token);

    /** Revokes every session of the user; returns the devices whose sessions ended. */
    List<DeviceId> revokeUser(UserId user);

    /** Revokes the device's sessions; returns true when one was active. */
    boolean revokeDevice(UserId user, DeviceId device);

    /** Devices that ever logged in, newest activity first. */
    List<DeviceInfo> devices(UserId user);
}
