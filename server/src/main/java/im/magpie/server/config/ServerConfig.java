package im.magpie.server.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The whole server configuration. Keys in YAML are the snake_case forms of the component names
 * (see docs/ops/configuration.md). {@code publicHost} null means "the host the client used".
 */
public record ServerConfig(
        String bindAddress,
        @Nullable String publicHost,
        Path dataDir,
        PortsConfig ports,
        TlsConfig tls,
        DatabaseConfig database,
        LimitsConfig limits,
        PasswordHashingConfig passwordHashing,
        AdminConfig admin) {

    /** The configuration used when no file is given: embedded database, default ports, ./data. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                "0.0.0.0",
                null,
                Path.of("data"),
                PortsConfig.defaults(),
                new TlsConfig(null, null),
                DatabaseConfig.defaults(),
                LimitsConfig.defaults(),
                PasswordHashingConfig.defaults(),
                new AdminConfig("127.0.0.1"));
    }

    /** A copy with another data directory (the command line's --data-dir wins over the file). */
    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(bindAddress, publicHost, dir, ports, tls, database, limits, passwordHashing, admin);
    }

    /** A copy with other ports (tests use 0 for every port). */
    public ServerConfig withPorts(PortsConfig newPorts) {
        return new ServerConfig(
                bindAddress, publicHost, dataDir, newPorts, tls, database, limits, passwordHashing, admin);
    }

    /** A copy with another database configuration. */
    public ServerConfig withDatabase(DatabaseConfig newDatabase) {
        return new ServerConfig(
                bindAddress, publicHost, dataDir, ports, tls, newDatabase, limits, passwordHashing, admin);
    }
}
