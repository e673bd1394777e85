package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Conversation log entries and their full-text index. Reached through {@link LocalStore#entries()}.
 *
 * <p>The FTS5 row of an entry has the entry's rowid; it exists only for messages that are not recalled.
 */
public final class EntryTable {
    /** Largest page {@link #page} and {@link #search} return. */
    public static final int MAX_PAGE = 1000;

    private static final String COLUMNS = "conversation_id, seq, actor_user_id, server_time_ms, kind, body, recalled,"
            + " client_message_id, search_text";
    private static final String UPSERT = "INSERT INTO entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (conversation_id, seq) DO UPDATE SET actor_user_id = excluded.actor_user_id,"
            + " server_time_ms = excluded.server_time_ms, kind = excluded.kind, body = excluded.body,"
            + " recalled = excluded.recalled, client_message_id = excluded.client_message_id,"
            + " search_text = excluded.search_text";
    private static final String ROWID = "SELECT rowid FROM entry WHERE conversation_id = ? AND seq = ?";
    private static final String DELETE_FTS = "DELETE FROM entry_fts WHERE rowid = ?";
    private static final String INSERT_FTS = "INSERT INTO entry_fts (rowid, uni, bi) VALUES (?, ?, ?)";
    private static final String RECALL = "UPDATE entry SET recalled = 1, body = X'', search_text = ''"
            + " WHERE conversation_id = ? AND seq = ? AND kind = 'message'";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM entry WHERE conversation_id = ? AND seq < ?"
            + " AND kind NOT IN ('read', 'recalled') ORDER BY seq DESC LIMIT ?";
    private static final String ONE = "SELECT " + COLUMNS + " FROM entry WHERE conversation_id = ? AND seq = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM entry ORDER BY conversation_id, seq";
    private static final String SEARCH = "SELECT " + prefixed("e.") + " FROM entry_fts f JOIN entry e"
            + " ON e.rowid = f.rowid WHERE entry_fts MATCH ? ORDER BY e.server_time_ms DESC, e.seq DESC LIMIT ?";
    private static final String MAX_SEQ = "SELECT max(seq) FROM entry WHERE conversation_id = ?";
    private static final String MIN_SEQ = "SELECT min(seq) FROM entry WHERE conversation_id = ?";

    private final Connection con;
    private final LocalStore lock;

    EntryTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    /** Inserts or replaces the entry at (conversation, seq) and keeps its index row in step. */
    public void upsert(EntryRecord e) {
        lock.inTransaction("store entry " + e.conversationId() + "#" + e.seq(), () -> {
            try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
                ps.setLong(1, e.conversationId());
                ps.setLong(2, e.seq());
                ps.setLong(3, e.actorUserId());
                ps.setLong(4, e.serverTimeMs());
                ps.setString(5, e.kind());
                ps.setBytes(6, e.body());
                ps.setInt(7, e.recalled() ? 1 : 0);
                ps.setString(8, e.clientMessageId());
                ps.setString(9, e.searchText());
                ps.executeUpdate();
            }
            long rowid = rowid(e.conversationId(), e.seq());
            deleteIndex(rowid);
            if (e.isMessage() && !e.recalled() && !e.searchText().isBlank()) {
                SearchTokens.Columns cols = SearchTokens.index(e.searchText());
                try (PreparedStatement ps = con.prepareStatement(INSERT_FTS)) {
                    ps.setLong(1, rowid);
                    ps.setString(2, cols.uni());
                    ps.setString(3, cols.bi());
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Marks the message at {@code seq} recalled, clears its body and removes it from the index. */
    public void markRecalled(long conversationId, long seq) {
        lock.inTransaction("recall " + conversationId + "#" + seq, () -> {
            try (PreparedStatement ps = con.prepareStatement(RECALL)) {
                ps.setLong(1, conversationId);
                ps.setLong(2, seq);
                if (ps.executeUpdate() == 0) {
                    return;
                }
            }
            deleteIndex(rowid(conversationId, seq));
        });
    }

    /**
     * Up to {@code limit} entries with seq below {@code beforeSeq} (use {@link Long#MAX_VALUE} for the newest), oldest
     * first; read marks and recall markers are left out.
     */
    public List<EntryRecord> page(long conversationId, long beforeSeq, int limit) {
        List<EntryRecord> newestFirst =
                query(PAGE, "read page of " + conversationId, conversationId, beforeSeq, Math.min(limit, MAX_PAGE));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Optional<EntryRecord> find(long conversationId, long seq) {
        List<EntryRecord> rows = query(ONE, "read entry " + conversationId + "#" + seq, conversationId, seq);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every entry, ordered by conversation and seq (for state comparisons in tests and diagnostics). */
    public List<EntryRecord> all() {
        return query(ALL, "read all entries");
    }

    /** The highest seq stored locally for the conversation, 0 when none. */
    public long maxSeq(long conversationId) {
        return lock.queryLong(MAX_SEQ, conversationId).orElse(0L);
    }

    /** The lowest seq stored locally for the conversation, 0 when none. */
    public long minSeq(long conversationId) {
        return lock.queryLong(MIN_SEQ, conversationId).orElse(0L);
    }

    /** Messages matching {@code query} (CJK substrings of any length, words by prefix), newest first. */
    public List<EntryRecord> search(String query, int limit) {
        String match = SearchTokens.matchExpression(query);
        if (match.isEmpty()) {
            return List.of();
        }
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(SEARCH)) {
                ps.setString(1, match);
                ps.setInt(2, Math.min(limit, MAX_PAGE));
                return readAll(ps);
            } catch (SQLException e) {
                throw new StoreException("search messages", e);
            }
        }
    }

    private List<EntryRecord> query(String sql, String operation, long... args) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                return readAll(ps);
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
    }

    private static List<EntryRecord> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<EntryRecord> result = new ArrayList<>();
            while (rs.next()) {
                byte[] body = rs.getBytes(6);
                result.add(new EntryRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        body == null ? new byte[0] : body,
                        rs.getInt(7) != 0,
                        rs.getString(8),
                        rs.getString(9)));
            }
            return result;
        }
    }

    private long rowid(long conversationId, long seq) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(ROWID)) {
            ps.setLong(1, conversationId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no entry " + conversationId + "#" + seq);
                }
                return rs.getLong(1);
            }
        }
    }

    private void deleteIndex(long rowid) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(DELETE_FTS)) {
            ps.setLong(1, rowid);
            ps.executeUpdate();
        }
    }

    private static String prefixed(String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String c : COLUMNS.split(",\\s*", -1)) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(prefix).append(c);
        }
        return sb.toString();
    }
}
