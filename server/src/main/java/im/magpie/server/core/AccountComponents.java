package im.magpie.server.core;

import im.magpie.server.account.AccountService;
import im.magpie.server.account.PasswordHasher;
import im.magpie.server.account.StoredAccountService;
import im.magpie.server.session.LoginRateLimiter;
import im.magpie.server.session.SessionService;
import im.magpie.server.session.TokenSessionService;
import im.magpie.server.store.postgres.PostgresAccountStore;
import im.magpie.server.store.postgres.PostgresSessionStore;
import im.magpie.server.store.postgres.PostgresWipeStore;
import java.security.SecureRandom;
import javax.sql.DataSource;

/** Accounts and sessions. */
final class AccountComponents {
    private final AccountService accounts;
    private final SessionService sessions;

    AccountComponents(DataSource db, CoreSettings settings, SecureRandom random) {
        PostgresAccountStore accountStore = new PostgresAccountStore(db);
        PasswordHasher hasher = new PasswordHasher(settings.passwordHashing(), random);
        this.accounts = new StoredAccountService(accountStore, hasher, settings.clock());
        this.sessions = new TokenSessionService(
                accountStore,
                new PostgresSessionStore(db),
                new PostgresWipeStore(db),
                hasher,
                new LoginRateLimiter(settings.loginLimits(), settings.clock()),
                settings.tokenTtl(),
                settings.clock(),
                random);
    }

    AccountService accounts() {
        return accounts;
    }

    SessionService sessions() {
        return sessions;
    }
}
