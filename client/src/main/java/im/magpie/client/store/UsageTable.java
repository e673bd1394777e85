package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the user writes to each conversation, for "frequent contacts and conversations" (feature M14). Table
 * {@code conversation_use} keeps one decayed score per conversation: every message the user sends adds 1, and a score
 * halves every {@link #HALF_LIFE}, so a colleague written to daily last week outranks one written to often last
 * year. The score is stored as of {@code last_ms} and decayed when read.
 *
 * <p>The counts are this device's: messages sent here add to them as they enter the outbox. A device that starts
 * with history (a new install, a second device) seeds them once from the user's own stored messages of the last
 * {@link #SEED_WINDOW}.
 */
public final class UsageTable {
    public static final Duration HALF_LIFE = Duration.ofDays(7);
    public static final Duration SEED_WINDOW = Duration.ofDays(60);
    /** Scores below this (one message more than ~7 half-lives ago) no longer count as frequent. */
    static final double MIN_SCORE = 0.01;

    static final String SCHEMA = "CREATE TABLE IF NOT EXISTS conversation_use (conversation_id INTEGER PRIMARY KEY,"
            + " score REAL NOT NULL, last_ms INTEGER NOT NULL)";
    static final String SEEDED = "usage.seeded";

    private static final String READ = "SELECT score, last_ms FROM conversation_use WHERE conversation_id = ?";
    private static final String WRITE =
            "INSERT INTO conversation_use (conversation_id, score, last_ms) VALUES (?, ?, ?)"
                    + " ON CONFLICT (conversation_id) DO UPDATE SET score = excluded.score, last_ms = excluded.last_ms";
    private static final String ALL = "SELECT conversation_id, score, last_ms FROM conversation_use";
    private static final String OWN_MESSAGES = "SELECT conversation_id, server_time_ms FROM entry"
            + " WHERE actor_user_id = ? AND kind = 'message' AND server_time_ms > ?";

    private final Connection con;
    private final LocalStore lock;
    private final SettingsTable settings;

    UsageTable(Connection con, LocalStore lock, SettingsTable settings) {
        this.con = con;
        this.lock = lock;
        this.settings = settings;
    }

    /** Counts one use (a message sent) of the conversation at {@code nowMs}. */
    public void record(long conversationId, long nowMs) {
        synchronized (lock) {
            try {
                double score = 0;
                long last = nowMs;
                try (PreparedStatement ps = con.prepareStatement(READ)) {
                    ps.setLong(1, conversationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            score = rs.getDouble(1);
                            last = rs.getLong(2);
                        }
                    }
                }
                write(conversationId, decayed(score, last, nowMs) + 1, Math.max(last, nowMs));
            } catch (SQLException e) {
                throw new StoreException("count a use of conversation " + conversationId, e);
            }
        }
    }

    /** Conversation ids by score at {@code nowMs}, highest first; only those still above {@link #MIN_SCORE}. */
    public List<Long> ranked(long nowMs, int limit) {
        synchronized (lock) {
            List<Map.Entry<Long, Double>> scores = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(ALL);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double score = decayed(rs.getDouble(2), rs.getLong(3), nowMs);
                    if (score >= MIN_SCORE) {
                        scores.add(Map.entry(rs.getLong(1), score));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("read conversation use", e);
            }
            return scores.stream()
                    .sorted(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * Once per store: adds the user's own stored messages of the last {@link #SEED_WINDOW} to the scores, so a device
     * that arrived with history knows the user's frequent conversations. Later calls do nothing.
     */
    public void seedOnce(long selfUserId, long nowMs) {
        synchronized (lock) {
            if (settings.get(SEEDED).isPresent()) {
                return;
            }
            Map<Long, double[]> seeded = new HashMap<>();
            try (PreparedStatement ps = con.prepareStatement(OWN_MESSAGES)) {
                ps.setLong(1, selfUserId);
                ps.setLong(2, nowMs - SEED_WINDOW.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long at = Math.min(rs.getLong(2), nowMs);
                        seeded.computeIfAbsent(rs.getLong(1), k -> new double[1])[0] += decayed(1, at, nowMs);
                    }
                }
                for (Map.Entry<Long, double[]> e : seeded.entrySet()) {
                    write(e.getKey(), e.getValue()[0], nowMs);
                }
            } catch (SQLException e) {
                throw new StoreException("seed conversation use", e);
            }
            settings.put(SEEDED, Long.toString(nowMs));
        }
    }

    private void write(long conversationId, double score, long lastMs) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(WRITE)) {
            ps.setLong(1, conversationId);
            ps.setDouble(2, score);
            ps.setLong(3, lastMs);
            ps.executeUpdate();
        }
    }

    /** {@code score} as of {@code fromMs}, decayed to {@code toMs} (never grows when the clock went back). */
    static double decayed(double score, long fromMs, long toMs) {
        long age = Math.max(0, toMs - fromMs);
        return score * Math.pow(0.5, (double) age / HALF_LIFE.toMillis());
    }
}
