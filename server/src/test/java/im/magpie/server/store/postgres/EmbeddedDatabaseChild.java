package im.magpie.server.store.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link StalePostmasterIT}: starts the embedded database in {@code args[0]},
 * writes a row, says READY, then waits to be killed (at most two minutes).
 */
public final class EmbeddedDatabaseChild {
    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws Exception {
        Database database = Database.start(new DatabaseSettings.Embedded(0, 2), Path.of(args[0]));
        try (Connection con = database.dataSource().getConnection();
                Statement st = con.createStatement()) {
            st.execute("INSERT INTO users (account, display_name, password_hash, created_at)"
                    + " VALUES ('child', 'Child', 'x', now())");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
