package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The persistent outbox, in the order messages were enqueued. Reached through {@link LocalStore#outbox()}. */
public final class OutboxTable {
    private static final String COLUMNS = "client_message_id, conversation_id, body, state, attempts, next_attempt_ms,"
            + " created_ms, seq, server_time_ms, failure_code";
    private static final String INSERT =
            "INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, 'PENDING', 0, ?, ?," + " 0, 0, '')";
    private static final String OLDEST_PENDING =
            "SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' ORDER BY id LIMIT 1";
    private static final String PENDING = "SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' ORDER BY id";
    private static final String ONE = "SELECT " + COLUMNS + " FROM outbox WHERE client_message_id = ?";
    private static final String MARK_SENT = "UPDATE outbox SET state = 'SENT', seq = ?, server_time_ms = ?,"
            + " attempts = attempts + 1 WHERE client_message_id = ?";
    private static final String MARK_RETRY =
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ? WHERE client_message_id = ?";
    private static final String MARK_FAILED = "UPDATE outbox SET state = 'FAILED', failure_code = ?,"
            + " attempts = attempts + 1 WHERE client_message_id = ?";
    private static final String RETRY_NOW = "UPDATE outbox SET next_attempt_ms = 0 WHERE state = 'PENDING'";
    private static final String COUNT_PENDING = "SELECT count(*) FROM outbox WHERE state = 'PENDING'";

    private final Connection con;
    private final LocalStore lock;

    OutboxTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    public void insert(String clientMessageId, long conversationId, byte[] body, long nowMs) {
        update(INSERT, "enqueue " + clientMessageId, ps -> {
            ps.setString(1, clientMessageId);
            ps.setLong(2, conversationId);
            ps.setBytes(3, body);
            ps.setLong(4, nowMs);
            ps.setLong(5, nowMs);
        });
    }

    /** The oldest message not yet sent nor failed, due or not. */
    public Optional<OutboxRecord> oldestPending() {
        List<OutboxRecord> rows = query(OLDEST_PENDING, "read outbox head", ps -> {});
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public List<OutboxRecord> pending() {
        return query(PENDING, "read pending outbox", ps -> {});
    }

    public Optional<OutboxRecord> find(String clientMessageId) {
        List<OutboxRecord> rows = query(ONE, "read outbox " + clientMessageId, ps -> ps.setString(1, clientMessageId));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int pendingCount() {
        return lock.queryLong(COUNT_PENDING).orElse(0L).intValue();
    }

    public void markSent(String clientMessageId, long seq, long serverTimeMs) {
        update(MARK_SENT, "mark sent " + clientMessageId, ps -> {
            ps.setLong(1, seq);
            ps.setLong(2, serverTimeMs);
            ps.setString(3, clientMessageId);
        });
    }

    public void markRetry(String clientMessageId, long nextAttemptMs) {
        update(MARK_RETRY, "schedule retry " + clientMessageId, ps -> {
            ps.setLong(1, nextAttemptMs);
            ps.setString(2, clientMessageId);
        });
    }

    public void markFailed(String clientMessageId, String code) {
        update(MARK_FAILED, "mark failed " + clientMessageId, ps -> {
            ps.setString(1, code);
            ps.setString(2, clientMessageId);
        });
    }

    /** Makes every pending message due now (after a reconnect). */
    public void retryAllNow() {
        update(RETRY_NOW, "reset outbox backoff", ps -> {});
    }

    private void update(String sql, String operation, Binder binder) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
    }

    private List<OutboxRecord> query(String sql, String operation, Binder binder) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OutboxRecord> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(new OutboxRecord(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getBytes(3),
                                OutboxState.valueOf(rs.getString(4)),
                                rs.getInt(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9),
                                rs.getString(10)));
                    }
                    return result;
                }
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
