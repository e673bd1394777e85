package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.HistoryPage;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.LogReader;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.messaging.NotAMemberException;
import im.magpie.server.messaging.ReadReceipts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link LogReader} on PostgreSQL. Sync walks, per membership window of the user, the index
 * {@code log (conversation_id, pos)} from the cursor on, so its cost follows the changes since the
 * cursor, not the history.
 */
public final class PostgresLogReader implements LogReader {
    private static final String ENTRY_COLUMNS = "l.pos, l.conversation_id, l.seq, l.actor_id, l.server_time, l.kind,"
            + " l.client_msg_id, l.body, l.recalled, l.ref_seq, l.subject_id, l.detail";
    static final String SYNC = "SELECT " + ENTRY_COLUMNS + " FROM member_windows w CROSS JOIN LATERAL ("
            + " SELECT * FROM log l WHERE l.conversation_id = w.conversation_id AND l.pos > ? AND l.pos >= w.from_pos"
            + " AND l.pos <= coalesce(w.to_pos, 9223372036854775807) ORDER BY l.pos LIMIT ?) l"
            + " WHERE w.user_id = ? AND (w.to_pos IS NULL OR w.to_pos > ?) ORDER BY l.pos LIMIT ?";
    private static final String HISTORY = "SELECT " + ENTRY_COLUMNS + " FROM log l WHERE l.conversation_id = ?"
            + " AND l.seq < ? AND EXISTS (SELECT 1 FROM member_windows w WHERE w.conversation_id = l.conversation_id"
            + " AND w.user_id = ? AND l.pos >= w.from_pos AND (w.to_pos IS NULL OR l.pos <= w.to_pos))"
            + " ORDER BY l.seq DESC LIMIT ?";
    private static final String CONVERSATIONS = "SELECT c.id, c.kind, c.title, " + LogRows.LAST_SEQ
            + ", c.wrapped_key FROM conversations c WHERE c.id = ANY (?)";
    private static final String MEMBERS = "SELECT conversation_id, user_id, role, read_seq, active FROM members"
            + " WHERE conversation_id = ANY (?) ORDER BY conversation_id, joined_pos, user_id";
    private static final String MESSAGE_SENDER = "SELECT actor_id, kind FROM log WHERE conversation_id = ? AND seq = ?";

    private final DataSource db;
    private final ConversationKeys keys;

    public PostgresLogReader(DataSource db, ConversationKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    /** A conversation row and its (present and past) members. */
    // The wrapped key is handed straight to decryption; records never compare it.
    @SuppressWarnings("ArrayRecordComponent")
    private record Snapshot(
            ConversationId id,
            ConversationKind kind,
            String title,
            long lastSeq,
            byte[] wrappedKey,
            Map<UserId, Boolean> everMembers,
            Map<UserId, Long> readSeqs,
            List<Member> members) {}

    /** Current members see the conversation now; former members see it as it was when they left. */
    private static ConversationState stateFor(Connection con, Snapshot s, UserId viewer) throws SQLException {
        if (s.everMembers().getOrDefault(viewer, false)) {
            return new ConversationState(s.id(), s.kind(), s.title(), s.members(), s.lastSeq(), true);
        }
        return FormerMemberView.state(con, s.id(), s.kind(), s.readSeqs(), viewer);
    }

    @Override
    public SyncSlice sync(UserId user, long afterPos, int limit) {
        try (Connection con = db.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement st = con.prepareStatement(SYNC)) {
                st.setLong(1, afterPos);
                st.setInt(2, limit + 1);
                st.setLong(3, user.value());
                st.setLong(4, afterPos);
                st.setInt(5, limit + 1);
                rows.addAll(rows(st));
            }
            boolean hasMore = rows.size() > limit;
            List<Row> page = hasMore ? rows.subList(0, limit) : rows;
            Set<Long> ids = new LinkedHashSet<>();
            page.forEach(r -> ids.add(r.conversation()));
            Map<Long, Snapshot> snapshots = snapshots(con, ids);
            List<LogEntry> entries = new ArrayList<>(page.size());
            for (Row row : page) {
                Snapshot snapshot = snapshots.get(row.conversation());
                if (snapshot == null) {
                    throw new IllegalStateException("log row of missing conversation " + row.conversation());
                }
                entries.add(row.entry(keys, snapshot.wrappedKey()));
            }
            List<ConversationState> states = new ArrayList<>();
            for (Snapshot snapshot : snapshots.values()) {
                states.add(stateFor(con, snapshot, user));
            }
            long last = page.isEmpty() ? afterPos : page.get(page.size() - 1).pos();
            return new SyncSlice(entries, states, last, hasMore);
        } catch (SQLException e) {
            throw new StoreException("sync for user " + user.value() + " after " + afterPos, e);
        }
    }

    @Override
    public HistoryPage history(UserId user, ConversationId conversation, long beforeSeq, int limit)
            throws MessagingException {
        try (Connection con = db.getConnection()) {
            Snapshot snapshot = visible(con, user, conversation);
            List<Row> rows;
            try (PreparedStatement st = con.prepareStatement(HISTORY)) {
                st.setLong(1, conversation.value());
                st.setLong(2, beforeSeq);
                st.setLong(3, user.value());
                st.setInt(4, limit + 1);
                rows = rows(st);
            }
            boolean hasMore = rows.size() > limit;
            List<LogEntry> entries = new ArrayList<>();
            for (Row row : hasMore ? rows.subList(0, limit) : rows) {
                entries.add(row.entry(keys, snapshot.wrappedKey()));
            }
            return new HistoryPage(entries, hasMore);
        } catch (SQLException e) {
            throw new StoreException("history of conversation " + conversation.value(), e);
        }
    }

    @Override
    public ConversationState state(UserId viewer, ConversationId conversation) throws MessagingException {
        try (Connection con = db.getConnection()) {
            return stateFor(con, visible(con, viewer, conversation), viewer);
        } catch (SQLException e) {
            throw new StoreException("state of conversation " + conversation.value(), e);
        }
    }

    @Override
    public ReadReceipts readReceipts(UserId viewer, ConversationId conversation, long seq) throws MessagingException {
        try (Connection con = db.getConnection()) {
            Snapshot snapshot = visible(con, viewer, conversation);
            if (!snapshot.everMembers().getOrDefault(viewer, false)) {
                throw new NotAMemberException("not a member of conversation " + conversation.value());
            }
            UserId sender = sender(con, conversation, seq)
                    .orElseThrow(() -> new InvalidRequestException("no message at seq " + seq));
            List<UserId> read = new ArrayList<>();
            List<UserId> unread = new ArrayList<>();
            for (Member m : snapshot.members()) {
                if (!m.user().equals(sender)) {
                    (m.readSeq() >= seq ? read : unread).add(m.user());
                }
            }
            return new ReadReceipts(read, unread);
        } catch (SQLException e) {
            throw new StoreException("read receipts of conversation " + conversation.value(), e);
        }
    }

    private Snapshot visible(Connection con, UserId viewer, ConversationId conversation)
            throws SQLException, MessagingException {
        Snapshot snapshot = snapshots(con, Set.of(conversation.value())).get(conversation.value());
        if (snapshot == null || !snapshot.everMembers().containsKey(viewer)) {
            throw new ConversationNotFoundException("no conversation " + conversation.value());
        }
        return snapshot;
    }

    private static Optional<UserId> sender(Connection con, ConversationId conversation, long seq) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(MESSAGE_SENDER)) {
            st.setLong(1, conversation.value());
            st.setLong(2, seq);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getShort(2) == LogRows.MESSAGE
                        ? Optional.of(new UserId(rs.getLong(1)))
                        : Optional.empty();
            }
        }
    }

    private static Map<Long, Snapshot> snapshots(Connection con, Set<Long> ids) throws SQLException {
        Map<Long, Snapshot> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<Long, Map<UserId, Boolean>> ever = new HashMap<>();
        Map<Long, Map<UserId, Long>> reads = new HashMap<>();
        Map<Long, List<Member>> members = new HashMap<>();
        try (PreparedStatement st = con.prepareStatement(MEMBERS)) {
            st.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    UserId user = new UserId(rs.getLong(2));
                    boolean active = rs.getBoolean(5);
                    ever.computeIfAbsent(id, k -> new HashMap<>()).put(user, active);
                    reads.computeIfAbsent(id, k -> new HashMap<>()).put(user, rs.getLong(4));
                    if (active) {
                        members.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new Member(user, Codes.role(rs.getShort(3)), rs.getLong(4)));
                    }
                }
            }
        }
        try (PreparedStatement st = con.prepareStatement(CONVERSATIONS)) {
            st.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    result.put(
                            id,
                            new Snapshot(
                                    new ConversationId(id),
                                    Codes.kind(rs.getShort(2)),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getBytes(5),
                                    ever.getOrDefault(id, Map.of()),
                                    reads.getOrDefault(id, Map.of()),
                                    List.copyOf(members.getOrDefault(id, List.of()))));
                }
            }
        }
        return result;
    }

    private static List<Row> rows(PreparedStatement st) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getShort(6),
                        rs.getObject(7, UUID.class),
                        rs.getBytes(8),
                        rs.getBoolean(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getString(12)));
            }
        }
        return rows;
    }
}
