package im.magpie.server.core;

import im.magpie.server.account.AccountService;
import im.magpie.server.account.PasswordHasher;
import im.magpie.server.account.StoredAccountService;
import im.magpie.server.session.DeviceActivity;
import im.magpie.server.session.LoginRateLimiter;
import im.magpie.server.session.SessionService;
import im.magpie.server.session.TokenSessionService;
import im.magpie.server.session.VerifiedTokens;
import im.magpie.server.store.postgres.PostgresAccountStore;
import im.magpie.server.store.postgres.PostgresSessionStore;
import im.magpie.server.store.postgres.PostgresWipeStore;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts and sessions, with the verified-token cache and the batched last-seen writes of token logins. */
final class AccountComponents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountComponents.class);

    private final AccountService accounts;
    private final SessionService sessions;
    private final DeviceActivity activity;
    private final ScheduledExecutorService flusher;

    AccountComponents(DataSource db, CoreSettings settings, SecureRandom random) {
        PostgresAccountStore accountStore = new PostgresAccountStore(db);
        PostgresSessionStore sessionStore = new PostgresSessionStore(db);
        PasswordHasher hasher = new PasswordHasher(settings.passwordHashing(), random);
        VerifiedTokens tokens = new VerifiedTokens(VerifiedTokens.DEFAULT_MAX_ENTRIES);
        this.activity = new DeviceActivity(sessionStore);
        this.accounts = new StoredAccountService(accountStore, hasher, settings.clock(), tokens::forgetUser);
        this.sessions = new TokenSessionService(
                accountStore,
                sessionStore,
                new PostgresWipeStore(db),
                tokens,
                activity,
                hasher,
                new LoginRateLimiter(settings.loginLimits(), settings.clock()),
                settings.tokenTtl(),
                settings.clock(),
                random);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "device-activity");
            t.setDaemon(true);
            return t;
        });
        var unused = flusher.scheduleWithFixedDelay(
                this::flush,
                DeviceActivity.FLUSH_PERIOD_MILLIS,
                DeviceActivity.FLUSH_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    AccountService accounts() {
        return accounts;
    }

    SessionService sessions() {
        return sessions;
    }

    private void flush() {
        try {
            activity.flush();
        } catch (RuntimeException e) {
            // The edge of this thread: the facts of this batch are lost (informational); the next period goes on.
            log.warn("writing the last-seen facts of token logins failed", e);
        }
    }

    /** Stops the periodic writes and writes what is pending (before the database closes). */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(5, TimeUnit.SECONDS)) {
                flusher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
