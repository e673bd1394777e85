package im.magpie.server.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database starts even when its previous owner was killed with SIGKILL. */
@Tag("integration")
class StalePostmasterIT {
    @TempDir
    Path dataDir;

    @Test
    void startsAfterTheOwningJvmWasKilledWhileItsPostgresKeptRunning() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseChild.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(readyWithin(child, 90)).as("child started its database").isTrue();
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("db/postmaster.pid"))
                    .get(0)
                    .strip());
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            try (Database database = Database.start(new DatabaseSettings.Embedded(0, 2), dataDir)) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                        .isIn(Optional.empty(), Optional.of(false));
                assertThat(accounts(database)).containsExactly("child");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void ignoresAPidFileOfAProcessThatIsNotItsPostgres() throws Exception {
        try (Database database = Database.start(new DatabaseSettings.Embedded(0, 2), dataDir)) {
            assertThat(accounts(database)).isEmpty();
        }
        Files.writeString(
                dataDir.resolve("db/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDir.resolve("db") + "\n");

        try (Database database = Database.start(new DatabaseSettings.Embedded(0, 2), dataDir)) {
            assertThat(accounts(database)).isEmpty();
        }
    }

    private static boolean readyWithin(Process child, int seconds) throws Exception {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return ready.get(seconds, TimeUnit.SECONDS);
    }

    private static List<String> accounts(Database database) throws Exception {
        try (Connection con = database.dataSource().getConnection();
                Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("SELECT account FROM users ORDER BY id")) {
            java.util.ArrayList<String> result = new java.util.ArrayList<>();
            while (rs.next()) {
                result.add(rs.getString(1));
            }
            return result;
        }
    }
}
