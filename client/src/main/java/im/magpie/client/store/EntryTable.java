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
    private static final String AFTER =
            "SELECT " + COLUMNS + " FROM entry WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String ONE = "SELECT " + COLUMNS + " FROM entry WHERE conversation_id = ? AND seq = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM entry ORDER BY conversation_id, seq";
    private static final String MAX_SEQ = "SELECT max(seq) FROM entry WHERE conversation_id = ?";
    private static final String MIN_SEQ = "SELECT min(seq) FROM entry WHERE conversation_id = ?";
    // walks the (conversation_id, seq) index up from the read mark and stops at the cap; no body is read into memory
    private static final String UNREAD = "SELECT count(*) FROM (SELECT 1 FROM entry WHERE conversation_id = ?"
            + " AND seq > ? AND kind = 'message' AND recalled = 0 AND actor_user_id <> ? LIMIT ?)";

    private final Connection con;
    private final LocalStore lock;
    private final EntrySearch search;

    EntryTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
        this.search = new EntrySearch(con, lock);
    }

    /** Inserts or replaces the entry at (conversation, seq) and keeps its index row in step. */
    public void upsert(EntryRecord e) {
        upsertAll(List.of(e));
    }

    /** {@link #upsert} of many entries in one transaction (a sync page, a bulk import). */
    public void upsertAll(List<EntryRecord> list) {
        if (list.isEmpty()) {
            return;
        }
        String what = list.size() == 1
                ? "store entry " + list.get(0).conversationId() + "#"
                        + list.get(0).seq()
                : "store " + list.size() + " entries";
        lock.inTransaction(what, () -> {
            try (PreparedStatement upsert = con.prepareStatement(UPSERT);
                    PreparedStatement rowid = con.prepareStatement(ROWID);
                    PreparedStatement deleteFts = con.prepareStatement(DELETE_FTS);
                    PreparedStatement insertFts = con.prepareStatement(INSERT_FTS)) {
                for (EntryRecord e : list) {
                    upsert.setLong(1, e.conversationId());
                    upsert.setLong(2, e.seq());
                    upsert.setLong(3, e.actorUserId());
                    upsert.setLong(4, e.serverTimeMs());
                    upsert.setString(5, e.kind());
                    upsert.setBytes(6, e.body());
                    upsert.setInt(7, e.recalled() ? 1 : 0);
                    upsert.setString(8, e.clientMessageId());
                    upsert.setString(9, e.searchText());
                    upsert.executeUpdate();
                    long id = rowid(rowid, e.conversationId(), e.seq());
                    deleteFts.setLong(1, id);
                    deleteFts.executeUpdate();
                    if (e.isMessage() && !e.recalled() && !e.searchText().isBlank()) {
                        SearchTokens.Columns cols = SearchTokens.index(e.searchText());
                        insertFts.setLong(1, id);
                        insertFts.setString(2, cols.uni());
                        insertFts.setString(3, cols.bi());
                        insertFts.executeUpdate();
                    }
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

    /**
     * Up to {@code limit} entries with seq above {@code afterSeq}, oldest first, of every kind: recall markers and read
     * marks are included, so that a reader following the log learns which earlier messages changed.
     */
    public List<EntryRecord> after(long conversationId, long afterSeq, int limit) {
        return query(
                AFTER,
                "read entries after " + conversationId + "#" + afterSeq,
                conversationId,
                afterSeq,
                Math.min(limit, MAX_PAGE));
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

    /**
     * How many messages others wrote above {@code afterSeq} (a read mark) that are not recalled, counting no further than
     * {@code cap}: an unread count as a conversation list shows it ("99+"), without reading any entry's body.
     */
    public int unreadCount(long conversationId, long afterSeq, long selfUserId, int cap) {
        if (cap <= 0) {
            return 0;
        }
        return lock.queryLong(UNREAD, conversationId, afterSeq, selfUserId, cap)
                .map(Math::toIntExact)
                .orElse(0);
    }

    /** The first {@code limit} messages matching {@code query} (see {@link #search(MessageSearch)}). */
    public List<EntryRecord> search(String query, int limit) {
        return search(MessageSearch.of(query).limit(Math.max(1, Math.min(limit, MAX_PAGE))))
                .entries();
    }

    /**
     * One page of the messages matching {@code q}: every word of its text (CJK substrings of any length, other words
     * by prefix, case-insensitive) and every filter. Most recently stored first (for messages that arrived live, the
     * newest first), so that a page costs a walk of an index from its end and no sort. Recalled messages are never
     * found. A blank text with no filter finds nothing. With words and a filter, the narrower side drives the walk
     * ({@link EntrySearch}).
     */
    public SearchPage search(MessageSearch q) {
        return search.search(q);
    }

    /** {@link #search(MessageSearch)} the given way (tests check that both ways find the same). */
    SearchPage search(MessageSearch q, EntrySearch.Plan plan) {
        return search.search(q, plan);
    }

    /** The way {@link #search(MessageSearch)} would find {@code q}'s page. */
    EntrySearch.Plan plan(MessageSearch q) {
        return search.plan(q);
    }

    /**
     * The words of a search query as the index sees them (runs of CJK characters, other words lower-cased), for
     * highlighting what was found.
     */
    public static List<String> searchTerms(String query) {
        return SearchTokens.terms(query);
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
                result.add(read(rs));
            }
            return result;
        }
    }

    /** One row of the entry columns in their usual order (conversation, seq, actor, time, kind, body, recalled, id, text). */
    static EntryRecord read(ResultSet rs) throws SQLException {
        byte[] body = rs.getBytes(6);
        return new EntryRecord(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                body == null ? new byte[0] : body,
                rs.getInt(7) != 0,
                rs.getString(8),
                rs.getString(9));
    }

    private long rowid(long conversationId, long seq) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(ROWID)) {
            return rowid(ps, conversationId, seq);
        }
    }

    private static long rowid(PreparedStatement ps, long conversationId, long seq) throws SQLException {
        ps.setLong(1, conversationId);
        ps.setLong(2, seq);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no entry " + conversationId + "#" + seq);
            }
            return rs.getLong(1);
        }
    }

    private void deleteIndex(long rowid) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(DELETE_FTS)) {
            ps.setLong(1, rowid);
            ps.executeUpdate();
        }
    }
}
