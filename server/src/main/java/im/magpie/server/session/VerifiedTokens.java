package im.magpie.server.session;

import im.magpie.server.account.UserId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Token checks served from memory: the sessions a password login just created and those a token login or a bearer
 * check found valid in the store (not revoked; on the login path also no wipe order), by the SHA-256 of their token. This server is the only writer of the sessions
 * table (one process per data directory, ADR 0002), and every revocation goes through {@link TokenSessionService} or
 * the account service, which drop the affected entries right after their commit: logout, revoking a device or a user,
 * a wipe order, a new password login of the same device, disabling the account. A lookup that read the store while
 * such a revocation ran is not cached (the generation changed), so a revoked token can never come back. Expiry is
 * checked on every use. Bounded: when {@code maxEntries} are cached the cache starts over empty.
 */
public final class VerifiedTokens {
    /** Comfortably above the 19,000 sessions one server holds (issue 3, G1); about 300 bytes each. */
    public static final int DEFAULT_MAX_ENTRIES = 50_000;

    private final int maxEntries;
    private final Map<TokenKey, SessionStore.StoredSession> entries = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile long generation; // written under lock

    public VerifiedTokens(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** Read before a lookup in the store; hand it to {@link #put} with what the lookup found. */
    long generation() {
        return generation;
    }

    Optional<SessionStore.StoredSession> get(byte[] tokenHash) {
        return Optional.ofNullable(entries.get(new TokenKey(tokenHash)));
    }

    /** Caches a session found valid, unless anything was revoked since {@code seenGeneration} was read. */
    void put(byte[] tokenHash, SessionStore.StoredSession session, long seenGeneration) {
        synchronized (lock) {
            if (generation != seenGeneration) {
                return;
            }
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(new TokenKey(tokenHash), session);
        }
    }

    /**
     * A new password login of {@code device}: drops the device's earlier sessions and caches its new one, unless
     * anything was revoked since {@code seenGeneration} was read (before the new session was stored).
     */
    void replaceDevice(DeviceId device, byte[] tokenHash, SessionStore.StoredSession session, long seenGeneration) {
        synchronized (lock) {
            boolean unchanged = generation == seenGeneration;
            forgetDevice(device);
            if (unchanged) {
                put(tokenHash, session, generation);
            }
        }
    }

    void forgetToken(byte[] tokenHash) {
        TokenKey key = new TokenKey(tokenHash);
        synchronized (lock) {
            generation++;
            entries.remove(key);
        }
    }

    void forgetDevice(DeviceId device) {
        forget(s -> s.device().equals(device));
    }

    /** Drops every cached session of the user (called when the account is disabled). */
    public void forgetUser(UserId user) {
        forget(s -> s.account().id().equals(user));
    }

    private void forget(Predicate<SessionStore.StoredSession> which) {
        synchronized (lock) {
            generation++;
            entries.values().removeIf(which);
        }
    }

    /** The 32 bytes of a token hash as a map key. */
    private static final class TokenKey {
        private final byte[] hash;
        private final int hashCode;

        TokenKey(byte[] hash) {
            this.hash = hash.clone();
            this.hashCode = Arrays.hashCode(hash);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof TokenKey key && Arrays.equals(hash, key.hash);
        }

        @Override
        public int hashCode() {
            return hashCode;
        }
    }
}
