package im.magpie.server.session;

import im.magpie.server.account.AccountNames;
import im.magpie.server.account.AccountStore;
import im.magpie.server.account.PasswordHasher;
import im.magpie.server.account.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link SessionService} with random bearer tokens (32 bytes, base64url) of which only the SHA-256 is
 * stored, a configurable lifetime, and in-memory login rate limiting. Token checks are served from
 * {@link VerifiedTokens} once a token was found valid in the store (every revocation drops the entries
 * it affects), and the last-seen facts of token logins go to the store in batches ({@link DeviceActivity}).
 */
public final class TokenSessionService implements SessionService {
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    static final int TOKEN_BYTES = 32;
    static final int MAX_TOKEN_CHARS = 128;
    static final int MAX_DEVICE_TEXT = 128;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final WipeStore wipes;
    private final VerifiedTokens tokens;
    private final DeviceActivity activity;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random;
    private final String dummyHash;

    public TokenSessionService(
            AccountStore accounts,
            SessionStore sessions,
            WipeStore wipes,
            VerifiedTokens tokens,
            DeviceActivity activity,
            PasswordHasher hasher,
            LoginRateLimiter limiter,
            Duration ttl,
            Clock clock,
            SecureRandom random) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.wipes = wipes;
        this.tokens = tokens;
        this.activity = activity;
        this.hasher = hasher;
        this.limiter = limiter;
        this.ttl = ttl;
        this.clock = clock;
        this.random = random;
        this.dummyHash = hasher.hash("not-a-password");
    }

    @Override
    public Session loginWithPassword(String account, String password, LoginAttempt attempt)
            throws InvalidCredentialsException, AccountDisabledException, RateLimitedException, DeviceWipedException {
        String name = AccountNames.isValid(account) ? AccountNames.canonical(account) : "";
        limiter.check(name, attempt.remoteAddress());
        Optional<AccountStore.Credentials> found = name.isEmpty() ? Optional.empty() : accounts.credentials(name);
        boolean ok = password.length() <= AccountNames.MAX_PASSWORD_CHARS
                && hasher.verify(
                        password,
                        found.map(AccountStore.Credentials::passwordHash).orElse(dummyHash))
                && found.isPresent();
        if (!ok) {
            limiter.recordFailure(name, attempt.remoteAddress());
            throw new InvalidCredentialsException("wrong account or password");
        }
        limiter.recordSuccess(name);
        AccountStore.Credentials credentials = found.get();
        if (credentials.account().disabled()) {
            throw new AccountDisabledException("account is disabled");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DeviceId device = sessions.registerDevice(
                credentials.account().id(),
                attempt.deviceId(),
                clip(attempt.deviceName()),
                clip(attempt.platform()),
                now);
        refuseWiped(device);
        String token = newToken();
        byte[] hash = hash(token);
        Instant expires = now.plus(ttl);
        long generation = tokens.generation();
        sessions.insertSession(hash, credentials.account().id(), device, now, expires);
        // The device's earlier session is revoked; the new one is served from memory from its first token login on.
        tokens.replaceDevice(
                device,
                hash,
                new SessionStore.StoredSession(credentials.account(), device, expires, false),
                generation);
        return new Session(credentials.account(), device, token, expires);
    }

    @Override
    public Session resume(String token, LoginAttempt attempt)
            throws InvalidTokenException, AccountDisabledException, DeviceWipedException {
        SessionStore.StoredSession stored = verified(token, found -> refuseWiped(found.device()));
        if (attempt.deviceId() != null && !attempt.deviceId().equals(stored.device())) {
            throw new InvalidTokenException("token belongs to another device");
        }
        if (stored.account().disabled()) {
            throw new AccountDisabledException("account is disabled");
        }
        activity.touch(stored.device(), clip(attempt.deviceName()), clip(attempt.platform()), clock.instant());
        return new Session(stored.account(), stored.device(), token, stored.expiresAt());
    }

    @Override
    public Session authenticate(String token) throws InvalidTokenException {
        SessionStore.StoredSession stored = verified(token, found -> {});
        if (stored.account().disabled()) {
            throw new InvalidTokenException("account is disabled");
        }
        return new Session(stored.account(), stored.device(), token, stored.expiresAt());
    }

    @Override
    public void logout(String token) {
        if (token.length() <= MAX_TOKEN_CHARS) {
            byte[] hash = hash(token);
            sessions.revoke(hash, clock.instant());
            tokens.forgetToken(hash);
        }
    }

    @Override
    public List<DeviceId> revokeUser(UserId user) {
        List<DeviceId> revoked = sessions.revokeUser(user, clock.instant());
        tokens.forgetUser(user);
        return revoked;
    }

    @Override
    public boolean revokeDevice(UserId user, DeviceId device) {
        boolean revoked = sessions.revokeDevice(user, device, clock.instant());
        tokens.forgetDevice(device);
        return revoked;
    }

    @Override
    public List<DeviceInfo> devices(UserId user) {
        activity.flush();
        return sessions.devices(user);
    }

    @Override
    public List<WipeOrder> orderWipe(UserId user, @Nullable DeviceId device) throws UnknownDeviceException {
        List<DeviceId> known = devices(user).stream().map(DeviceInfo::id).toList();
        List<DeviceId> targets;
        if (device == null) {
            targets = known;
        } else if (known.contains(device)) {
            targets = List.of(device);
        } else {
            throw new UnknownDeviceException("no device " + device.value() + " of this user");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<WipeOrder> orders = wipes.order(user, targets, now);
        for (DeviceId target : targets) {
            sessions.revokeDevice(user, target, now);
            tokens.forgetDevice(target);
        }
        return orders;
    }

    @Override
    public List<WipeOrder> wipeOrders(UserId user) {
        return wipes.ofUser(user);
    }

    @Override
    public void wipeDelivered(DeviceId device) {
        wipes.delivered(device, clock.instant());
    }

    private void refuseWiped(DeviceId device) throws DeviceWipedException {
        Optional<WipeOrder> order = wipes.find(device);
        if (order.isPresent()) {
            throw new DeviceWipedException(device, order.get().orderedAt());
        }
    }

    /** A check of a session found in the store, valid or not (the login path refuses wiped devices). */
    private interface StoreCheck<E extends Exception> {
        void check(SessionStore.StoredSession found) throws E;
    }

    /**
     * The valid session of the token: from {@link VerifiedTokens}, or else from the store (then cached). A session
     * found in the store, even revoked, first goes through {@code check}; cached sessions need none (a wipe order
     * revokes the device's sessions, which drops them from the cache).
     */
    private <E extends Exception> SessionStore.StoredSession verified(String token, StoreCheck<E> check)
            throws InvalidTokenException, E {
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("malformed token");
        }
        byte[] hash = hash(token);
        Optional<SessionStore.StoredSession> cached = tokens.get(hash);
        if (cached.isPresent()) {
            return unexpired(cached.get());
        }
        long generation = tokens.generation();
        Optional<SessionStore.StoredSession> found = sessions.find(hash);
        if (found.isPresent()) {
            check.check(found.get());
        }
        SessionStore.StoredSession stored = found.orElseThrow(() -> new InvalidTokenException("unknown token"));
        if (stored.revoked()) {
            throw new InvalidTokenException("token expired or revoked");
        }
        unexpired(stored);
        tokens.put(hash, stored, generation);
        return stored;
    }

    private SessionStore.StoredSession unexpired(SessionStore.StoredSession stored) throws InvalidTokenException {
        if (!stored.expiresAt().isAfter(clock.instant())) {
            throw new InvalidTokenException("token expired or revoked");
        }
        return stored;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_DEVICE_TEXT ? stripped : stripped.substring(0, MAX_DEVICE_TEXT);
    }
}
