package im.magpie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The independent count of the messages a run stored: after each of our scenarios, the rows of kind message in the
 * server's table {@code log} (read over JDBC from the embedded PostgreSQL of the server's data directory, not through
 * the server) beside the sends the generator saw acknowledged, both counted from the start of the run. The server
 * acknowledges a send only after its commit, so fewer rows than acknowledgements means an acknowledged message was not
 * kept: the run fails ({@link #shortfall}).
 */
final class MessageAudit implements AutoCloseable {
    static final String STORED = "stored_messages";
    static final String ACKNOWLEDGED = "acknowledged_messages";
    /** {@code log.kind} of a message; the other kinds are conversation events (created, members added, read, …). */
    static final short MESSAGE_KIND = 1;

    private final Connection db;
    private final LongSupplier acknowledged;

    private MessageAudit(Connection db, LongSupplier acknowledged) {
        this.db = db;
        this.acknowledged = acknowledged;
    }

    /** Connects to the embedded PostgreSQL of {@code dataDir} (its port from {@code db/postmaster.pid}). */
    static MessageAudit open(Path dataDir, LongSupplier acknowledged) throws BenchFailedException {
        Path pidFile = dataDir.resolve("db").resolve("postmaster.pid");
        try {
            int port = postmasterPort(Files.readAllLines(pidFile, StandardCharsets.UTF_8));
            Connection db =
                    DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
            return new MessageAudit(db, acknowledged);
        } catch (IOException | SQLException | IllegalArgumentException e) {
            throw new BenchFailedException("cannot open the server's database for the stored-message count: " + e, e);
        }
    }

    /** Line 4 of {@code postmaster.pid} is the port the postmaster listens on. */
    static int postmasterPort(List<String> pidFile) {
        if (pidFile.size() < 4) {
            throw new IllegalArgumentException("postmaster.pid has no port line");
        }
        return Integer.parseInt(pidFile.get(3).trim());
    }

    /** Adds both counts, as of now, to the result of a scenario that just ended. */
    ScenarioResult record(ScenarioResult r) throws BenchFailedException {
        long acked = acknowledged.getAsLong(); // first: every send counted here was committed before its ack came
        long stored = storedMessages();
        return r.param(STORED, stored).param(ACKNOWLEDGED, acked);
    }

    long storedMessages() throws BenchFailedException {
        try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM log WHERE kind = ?")) {
            count.setShort(1, MESSAGE_KIND);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new BenchFailedException("cannot count the messages in the server's log table: " + e, e);
        }
    }

    /** True when the result carries both counts and the table holds fewer messages than were acknowledged. */
    static boolean shortfall(ScenarioResult r) {
        return r.params.get(STORED) instanceof Long stored
                && r.params.get(ACKNOWLEDGED) instanceof Long acked
                && stored < acked;
    }

    /** One line per result with a {@link #shortfall}. */
    static List<String> shortfalls(List<ScenarioResult> results) {
        return results.stream()
                .filter(MessageAudit::shortfall)
                .map(r -> r.scenario + " " + r.title + " (round " + r.round + "): " + r.params.get(STORED)
                        + " stored < " + r.params.get(ACKNOWLEDGED) + " acknowledged")
                .toList();
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // the server (and its database) may already be gone at the end of the run
        }
    }
}
