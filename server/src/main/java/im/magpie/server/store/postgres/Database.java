package im.magpie.server.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: embedded in {@code <dataDir>/db} (kept across restarts, durable settings
 * forced on) or external; pooled with HikariCP and migrated with Flyway from {@code db/migration}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final @Nullable EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final String jdbcUrl;

    private Database(@Nullable EmbeddedPostgres embedded, HikariDataSource pool, String jdbcUrl) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts (embedded) or connects to (external) the database and applies pending migrations. */
    public static Database start(DatabaseSettings settings, Path dataDir) throws IOException {
        if (settings instanceof DatabaseSettings.External external) {
            return open(null, external.jdbcUrl(), external.user(), external.password(), external.poolSize());
        }
        DatabaseSettings.Embedded local = (DatabaseSettings.Embedded) settings;
        Path dbDir = dataDir.resolve("db");
        Files.createDirectories(dbDir);
        new StalePostmaster(dbDir).clear();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dbDir)
                .setCleanDataDirectory(false)
                .setPort(local.port() != 0 ? local.port() : freePortOutside(local.avoidPorts()))
                .setPGStartupWait(STARTUP_WAIT)
                .setPgBinaryResolver(Database::binaries)
                .setRegisterShutdownHook(true)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("log_statement", "none")
                .setServerConfig("log_min_duration_statement", "-1")
                .setServerConfig("log_min_error_statement", "panic")
                .setServerConfig("log_parameter_max_length", "0")
                .setServerConfig("log_parameter_max_length_on_error", "0")
                .start();
        log.info("embedded PostgreSQL on port {} in {}", pg.getPort(), dbDir);
        try {
            return open(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "", local.poolSize());
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /**
     * A free loopback port that is none of {@code avoid}. The kernel hands out recently freed ports again, so after a
     * restart it can offer one of the server's own listener ports, still free because they bind after the database.
     */
    static int freePortOutside(Set<Integer> avoid) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = probe.getLocalPort();
                if (!avoid.contains(port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free port for the embedded PostgreSQL outside " + avoid);
    }

    /**
     * The first matching binaries archive on the class path. Zonky's default resolver refuses two
     * copies of the same jar, which happens when the packaged jar's manifest class path (lib/) and
     * the build's class path both list it.
     */
    private static InputStream binaries(String system, String hardware) throws IOException {
        String name = ("postgres-" + system + "-" + hardware + ".txz").toLowerCase(Locale.ROOT);
        InputStream in = Database.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no embedded PostgreSQL binaries " + name + " on the class path");
        }
        return in;
    }

    private static Database open(
            @Nullable EmbeddedPostgres embedded, String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setPoolName("magpie-db");
        // Keep parameter values (titles, names, ciphertext) out of exception messages and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // JDBC batches of INSERTs (the log writer's member upserts) become multi-row INSERTs (one statement per up to
        // 128 rows) instead of one round of parse/bind/execute per row. The log rows themselves go by COPY (LogCopy).
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(embedded, pool, url);
    }

    /** The JDBC URL the pool connects to (user and password are not part of it for external databases). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The embedded server's port, or -1 for an external database. */
    public int embeddedPort() {
        return embedded == null ? -1 : embedded.getPort();
    }

    /** Closes the pool, then stops the embedded server (fast shutdown, waits for it). */
    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
