package im.magpie.server.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One embedded PostgreSQL per test JVM, started through {@link Database} on first use and migrated.
 * Tests reach it as an "external" database and truncate every table before each test. Zonky's
 * shutdown hook stops it when the JVM exits.
 */
public final class SharedPostgres {
    private static final String TRUNCATE = "TRUNCATE users, devices, sessions, conversations, members,"
            + " member_windows, log, files, uploads, file_refs RESTART IDENTITY CASCADE";
    // Test-only holder: one database per JVM keeps the integration suite fast.
    private static @Nullable Database database;

    private SharedPostgres() {}

    public static synchronized Database database() {
        Database started = database;
        if (started == null) {
            try {
                Path dir = Files.createTempDirectory("magpie-shared-pg");
                started = Database.start(new DatabaseSettings.Embedded(0, 4), dir);
                database = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return started;
    }

    /** Settings that point a component at the shared database. */
    public static DatabaseSettings.External settings() {
        return new DatabaseSettings.External(database().jdbcUrl(), "postgres", "", 8);
    }

    public static void truncateAll() {
        truncateAll(database().dataSource());
    }

    public static void truncateAll(DataSource db) {
        try (Connection con = db.getConnection();
                Statement st = con.createStatement()) {
            st.execute(TRUNCATE);
        } catch (SQLException e) {
            throw new IllegalStateException("truncate test tables", e);
        }
    }
}
