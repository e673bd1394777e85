package im.magpie.server;

import im.magpie.server.account.PasswordHasher;
import im.magpie.server.config.DatabaseConfig;
import im.magpie.server.config.DatabaseMode;
import im.magpie.server.config.LimitsConfig;
import im.magpie.server.config.PortsConfig;
import im.magpie.server.config.Secret;
import im.magpie.server.config.ServerConfig;
import im.magpie.server.core.CoreComponents;
import im.magpie.server.core.CoreSettings;
import im.magpie.server.session.LoginRateLimiter;
import im.magpie.server.store.postgres.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Wires the real core ({@link CoreComponents}) under the network edge: config → {@link CoreSettings}. */
public final class ServerComponents {
    private ServerComponents() {}

    /** The production core; {@code adjust} may change the settings (tests use a faster password hash). */
    public static CoreStarter core(UnaryOperator<CoreSettings> adjust) {
        return (config, publisher) -> {
            try {
                CoreComponents core = CoreComponents.start(adjust.apply(settings(config)), publisher);
                return new CoreServices(
                        core.accounts(), core.sessions(), core.messaging(), core.conversations(), core.files(), () -> {
                            try {
                                core.close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (IOException e) {
                throw new ServerStartException("cannot start the core: " + e.getMessage(), e);
            }
        };
    }

    static CoreSettings settings(ServerConfig config) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        CoreSettings defaults = CoreSettings.fromEnvironment(dataDir);
        LimitsConfig limits = config.limits();
        return new CoreSettings(
                dataDir,
                database(config.database(), config.ports()),
                limits.recallWindow(),
                limits.tokenTtl(),
                limits.maxFileBytes(),
                new LoginRateLimiter.Limits(
                        limits.loginFailuresPerAccount(), limits.loginFailuresPerAddress(), Duration.ofMinutes(5)),
                new PasswordHasher.Params(
                        config.passwordHashing().memoryKib(),
                        config.passwordHashing().iterations(),
                        config.passwordHashing().parallelism()),
                defaults.masterKeyBase64(),
                defaults.clock());
    }

    private static DatabaseSettings database(DatabaseConfig db, PortsConfig ports) {
        if (db.mode() == DatabaseMode.EMBEDDED) {
            return new DatabaseSettings.Embedded(
                    db.embeddedPort(),
                    DatabaseSettings.DEFAULT_POOL_SIZE,
                    IntStream.of(ports.discovery(), ports.gateway(), ports.api(), ports.admin())
                            .filter(port -> port != 0) // 0: the listener takes any free port after the database
                            .boxed()
                            .collect(Collectors.toUnmodifiableSet()));
        }
        Secret password = db.password();
        return new DatabaseSettings.External(
                Objects.requireNonNull(db.url(), "database.url"),
                Objects.requireNonNull(db.user(), "database.user"),
                password == null ? "" : password.reveal(),
                DatabaseSettings.DEFAULT_POOL_SIZE);
    }
}
