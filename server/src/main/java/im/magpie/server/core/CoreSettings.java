package im.magpie.server.core;

import im.magpie.server.account.PasswordHasher;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.files.EncryptedFileService;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.session.LoginRateLimiter;
import im.magpie.server.session.TokenSessionService;
import im.magpie.server.store.postgres.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything the core needs to start.
 *
 * @param dataDir holds {@code keys/}, {@code db/} (embedded PostgreSQL) and {@code files/}
 * @param database embedded (with port, 0 = any free port) or external
 * @param recallWindow how long a sender may recall a message
 * @param tokenTtl lifetime of a session token
 * @param maxFileBytes largest accepted upload
 * @param loginLimits failed logins allowed per account and per address within a window
 * @param passwordHashing Argon2id cost for new password hashes
 * @param masterKeyBase64 the master key (32 bytes, base64) when given by the environment; null = key file
 * @param clock time source (inject a fixed or offset clock in tests)
 */
public record CoreSettings(
        Path dataDir,
        DatabaseSettings database,
        Duration recallWindow,
        Duration tokenTtl,
        long maxFileBytes,
        LoginRateLimiter.Limits loginLimits,
        PasswordHasher.Params passwordHashing,
        @Nullable String masterKeyBase64,
        Clock clock) {

    /** Defaults: embedded PostgreSQL on a free port, 2-minute recall, 30-day tokens, 2 GiB files. */
    public static CoreSettings defaults(Path dataDir, @Nullable String masterKeyBase64) {
        return new CoreSettings(
                dataDir,
                new DatabaseSettings.Embedded(0),
                ConversationRules.DEFAULT_RECALL_WINDOW,
                TokenSessionService.DEFAULT_TTL,
                EncryptedFileService.DEFAULT_MAX_FILE_BYTES,
                LoginRateLimiter.Limits.DEFAULT,
                PasswordHasher.DEFAULT,
                masterKeyBase64,
                Clock.systemUTC());
    }

    /** Defaults, with the master key from the environment variable {@value MasterKey#ENV_VAR} when set. */
    public static CoreSettings fromEnvironment(Path dataDir) {
        return defaults(dataDir, System.getenv(MasterKey.ENV_VAR));
    }

    public CoreSettings withDatabase(DatabaseSettings database) {
        return new CoreSettings(
                dataDir,
                database,
                recallWindow,
                tokenTtl,
                maxFileBytes,
                loginLimits,
                passwordHashing,
                masterKeyBase64,
                clock);
    }

    public CoreSettings withClock(Clock clock) {
        return new CoreSettings(
                dataDir,
                database,
                recallWindow,
                tokenTtl,
                maxFileBytes,
                loginLimits,
                passwordHashing,
                masterKeyBase64,
                clock);
    }

    public CoreSettings withPasswordHashing(PasswordHasher.Params passwordHashing) {
        return new CoreSettings(
                dataDir,
                database,
                recallWindow,
                tokenTtl,
                maxFileBytes,
                loginLimits,
                passwordHashing,
                masterKeyBase64,
                clock);
    }

    @Override
    public String toString() {
        return "CoreSettings[dataDir=" + dataDir + ", database=" + database + ", recallWindow=" + recallWindow
                + ", tokenTtl=" + tokenTtl + ", maxFileBytes=" + maxFileBytes + ", loginLimits=" + loginLimits
                + ", masterKey=" + (masterKeyBase64 == null ? "file" : "env") + "]";
    }
}
