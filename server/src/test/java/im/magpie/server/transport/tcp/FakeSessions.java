package im.magpie.server.transport.tcp;

import im.magpie.server.account.Account;
import im.magpie.server.account.UserId;
import im.magpie.server.session.AccountDisabledException;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.DeviceInfo;
import im.magpie.server.session.InvalidCredentialsException;
import im.magpie.server.session.InvalidTokenException;
import im.magpie.server.session.LoginAttempt;
import im.magpie.server.session.RateLimitedException;
import im.magpie.server.session.Session;
import im.magpie.server.session.SessionService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory sessions: alice/secret and bob/secret; "mallory" is rate limited; "carol" is disabled. */
final class FakeSessions implements SessionService {
    static final Account ALICE = new Account(new UserId(1), "alice", "Alice", false);
    static final Account BOB = new Account(new UserId(2), "bob", "Bob", false);
    static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    final Map<String, Session> byToken = new ConcurrentHashMap<>();
    final List<String> loggedOut = new ArrayList<>();
    private final java.util.Deque<Runnable> held = new java.util.ArrayDeque<>();
    boolean holdLogins;
    private int next;

    /** The connection's "ordered executor": runs at once unless logins are held back. */
    void run(Runnable task) {
        if (holdLogins) {
            held.add(task);
        } else {
            task.run();
        }
    }

    void releaseLogins() {
        holdLogins = false;
        for (Runnable task = held.poll(); task != null; task = held.poll()) {
            task.run();
        }
    }

    @Override
    public Session loginWithPassword(String account, String password, LoginAttempt attempt)
            throws InvalidCredentialsException, AccountDisabledException, RateLimitedException {
        if (account.equals("mallory")) {
            throw new RateLimitedException("too many failures", Duration.ofSeconds(30));
        }
        if (account.equals("carol")) {
            throw new AccountDisabledException("carol is disabled");
        }
        Account found = account.equals("alice") ? ALICE : account.equals("bob") ? BOB : null;
        if (found == null || !password.equals("secret")) {
            throw new InvalidCredentialsException("wrong account or password");
        }
        DeviceId device = attempt.deviceId() != null ? attempt.deviceId() : new DeviceId("device-" + ++next);
        Session session = new Session(found, device, "token-" + found.account() + "-" + ++next, EXPIRY);
        byToken.put(session.token(), session);
        return session;
    }

    @Override
    public Session resume(String token, LoginAttempt attempt) throws InvalidTokenException {
        return authenticate(token);
    }

    @Override
    public Session authenticate(String token) throws InvalidTokenException {
        Session session = byToken.get(token);
        if (session == null) {
            throw new InvalidTokenException("unknown token");
        }
        return session;
    }

    @Override
    public void logout(String token) {
        loggedOut.add(token);
        byToken.remove(token);
    }

    @Override
    public List<DeviceId> revokeUser(UserId user) {
        List<DeviceId> devices = new ArrayList<>();
        byToken.values().removeIf(s -> s.account().id().equals(user) && devices.add(s.device()));
        return devices;
    }

    @Override
    public boolean revokeDevice(UserId user, DeviceId device) {
        return byToken.values()
                .removeIf(s -> s.account().id().equals(user) && s.device().equals(device));
    }

    @Override
    public List<DeviceInfo> devices(UserId user) {
        return List.of();
    }

    @Override
    public List<im.magpie.server.session.WipeOrder> orderWipe(
            UserId user, @org.jspecify.annotations.Nullable DeviceId device) {
        throw new UnsupportedOperationException("not used by the transport tests");
    }

    @Override
    public List<im.magpie.server.session.WipeOrder> wipeOrders(UserId user) {
        return List.of();
    }

    @Override
    public void wipeDelivered(DeviceId device) {}
}
