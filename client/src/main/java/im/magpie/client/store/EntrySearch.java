package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MessageSearch} over {@code entry} and its full-text index {@code entry_fts}, newest rowid first.
 *
 * <p>With both words and a filter there are two ways to find a page, and either can be a thousand times slower than
 * the other:
 *
 * <ul>
 *   <li>{@link Plan#WORDS_FIRST} walks the full-text matches from the newest and checks the filter on each: right when
 *       the words are rare, or when many messages pass the filter;
 *   <li>{@link Plan#FILTER_FIRST} walks the messages that pass the filter (indexes {@code entry_actor},
 *       {@code entry_conversation}, {@code entry_time}) and asks the full-text index about each one (an FTS5 lookup by
 *       rowid): right when the filter is narrow (a sender, a small conversation, a short time span) and the words are
 *       common.
 * </ul>
 *
 * {@link #plan} counts both sides below the page cursor, each up to {@value #PROBE} rows (index-only walks that cost a
 * few milliseconds), and picks the smaller. Words with a prefix term (Latin words) are looked up by rowid slowly in
 * FTS5, so with them a narrow filter drives against the word's matches read once ({@code rowid IN (subquery)}), and
 * any other filter lets the words drive. Both plans return exactly the same pages.
 */
final class EntrySearch {
    /** How far {@link #plan} counts each side; beyond this a side counts as "large". */
    static final int PROBE = 4_000;

    /** The way a page is found; results are the same either way. */
    enum Plan {
        WORDS_FIRST,
        FILTER_FIRST
    }

    private static final String COLUMNS = "e.conversation_id, e.seq, e.actor_user_id, e.server_time_ms, e.kind,"
            + " e.body, e.recalled, e.client_message_id, e.search_text, e.rowid";
    private static final String COUNT_WORDS = "SELECT count(*) FROM (SELECT rowid FROM entry_fts"
            + " WHERE entry_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT " + PROBE + ")";

    private final Connection con;
    private final LocalStore lock;

    EntrySearch(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    /** One page of {@code q}'s results, found the cheaper way. */
    SearchPage search(MessageSearch q) {
        return search(q, null);
    }

    /** One page of {@code q}'s results found by {@code plan}, or the cheaper way when null (tests compare plans). */
    SearchPage search(MessageSearch q, @Nullable Plan plan) {
        String match = SearchTokens.matchExpression(q.text());
        if (match.isEmpty() && (!q.text().isBlank() || !q.filtered())) {
            return SearchPage.EMPTY;
        }
        synchronized (lock) {
            try {
                Plan chosen =
                        plan != null ? plan : match.isEmpty() || !q.filtered() ? Plan.WORDS_FIRST : plan(q, match);
                return run(q, match, chosen);
            } catch (SQLException e) {
                throw new StoreException("search messages", e);
            }
        }
    }

    /** The way {@link #search(MessageSearch)} finds {@code q}'s page. */
    Plan plan(MessageSearch q) {
        String match = SearchTokens.matchExpression(q.text());
        if (match.isEmpty() || !q.filtered()) {
            return Plan.WORDS_FIRST;
        }
        synchronized (lock) {
            try {
                return plan(q, match);
            } catch (SQLException e) {
                throw new StoreException("plan a message search", e);
            }
        }
    }

    /** The cheaper plan for words {@code match} and {@code q}'s filter: the side with fewer rows drives. */
    private Plan plan(MessageSearch q, String match) throws SQLException {
        long filtered = countFiltered(q);
        if (filtered >= PROBE) {
            return Plan.WORDS_FIRST;
        }
        if (isPrefix(match)) {
            // the filter is narrow; the filter-first walk checks each of its rows against the word's matches read
            // once (see run), so it costs about one pass over the doclists however few rows pass the filter
            return Plan.FILTER_FIRST;
        }
        long words = count(COUNT_WORDS, List.of(match, q.before()));
        return filtered < words ? Plan.FILTER_FIRST : Plan.WORDS_FIRST;
    }

    private long countFiltered(MessageSearch q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM entry e ")
                .append(indexedBy(q))
                .append(" WHERE e.rowid < ?");
        List<Object> args = new ArrayList<>(List.of(q.before()));
        filters(sql, args, q);
        sql.append(" LIMIT ").append(PROBE).append(')');
        return count(sql.toString(), args);
    }

    private SearchPage run(MessageSearch q, String match, Plan plan) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        List<Object> args = new ArrayList<>();
        if (match.isEmpty()) {
            // a sender or a conversation index walks only its messages, newest first (a time range is left to
            // SQLite: by its index the whole range would be sorted)
            sql.append(" FROM entry e ")
                    .append(q.senderId() != 0 || q.conversationId() != 0 ? indexedBy(q) : "")
                    .append(" WHERE e.kind = 'message' AND e.recalled = 0 AND e.rowid < ?");
        } else if (plan == Plan.WORDS_FIRST) {
            // CROSS JOIN keeps the left table as the outer loop (SQLite's documented way to fix the join order)
            sql.append(" FROM entry_fts f CROSS JOIN entry e ON e.rowid = f.rowid")
                    .append(" WHERE entry_fts MATCH ? AND f.rowid < ?");
            args.add(match);
        } else if (isPrefix(match)) {
            // a prefix word ("meet" finds "meeting"): FTS5 merges the doclists of every term with that prefix on each
            // lookup by rowid (5 ms each over 1,000,000 messages), so the matches are read once into a list that
            // SQLite keeps for the whole walk (a non-correlated IN subquery), and each filtered row is looked up there
            sql.append(" FROM entry e ")
                    .append(indexedBy(q))
                    .append(" WHERE e.rowid IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?) AND e.rowid < ?");
            args.add(match);
        } else {
            sql.append(" FROM entry e ")
                    .append(indexedBy(q))
                    .append(" CROSS JOIN entry_fts f ON f.rowid = e.rowid")
                    .append(" WHERE entry_fts MATCH ? AND e.rowid < ?");
            args.add(match);
        }
        args.add(q.before());
        filters(sql, args, q);
        sql.append(plan == Plan.WORDS_FIRST && !match.isEmpty() ? " ORDER BY f.rowid DESC" : " ORDER BY e.rowid DESC")
                .append(" LIMIT ?");
        args.add(q.limit() + 1);
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            bind(ps, args);
            return page(ps, q.limit());
        }
    }

    private static boolean isPrefix(String match) {
        return match.contains("*");
    }

    /**
     * The filter index that drives (a filtered query only): without it SQLite prefers walking the whole table by rowid
     * to honour {@code rowid < ? ORDER BY rowid DESC}, which reads every message.
     */
    private static String indexedBy(MessageSearch q) {
        if (q.senderId() != 0) {
            return "INDEXED BY entry_actor";
        }
        return q.conversationId() != 0 ? "INDEXED BY entry_conversation" : "INDEXED BY entry_time";
    }

    private static void filters(StringBuilder sql, List<Object> args, MessageSearch q) {
        filter(sql, args, "e.conversation_id = ?", q.conversationId() != 0, q.conversationId());
        filter(sql, args, "e.actor_user_id = ?", q.senderId() != 0, q.senderId());
        filter(sql, args, "e.server_time_ms >= ?", q.fromMs() != 0, q.fromMs());
        filter(sql, args, "e.server_time_ms < ?", q.untilMs() != Long.MAX_VALUE, q.untilMs());
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, boolean on, long value) {
        if (on) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private long count(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static SearchPage page(PreparedStatement ps, int limit) throws SQLException {
        List<EntryRecord> rows = new ArrayList<>();
        long next = 0;
        long lastRowid = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rows.size() == limit) {
                    next = lastRowid;
                    break;
                }
                rows.add(EntryTable.read(rs));
                lastRowid = rs.getLong(10);
            }
        }
        return new SearchPage(rows, next);
    }
}
