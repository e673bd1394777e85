package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conversations and their members (with read marks). Reached through {@link LocalStore#conversations()}. */
public final class ConversationTable {
    private static final String UPSERT = "INSERT INTO conversation (id, kind, title, last_seq, active)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title,"
            + " last_seq = max(last_seq, excluded.last_seq), active = excluded.active";
    private static final String DELETE_MEMBERS = "DELETE FROM member WHERE conversation_id = ?";
    private static final String INSERT_MEMBER =
            "INSERT INTO member (conversation_id, user_id, role, read_seq) VALUES (?, ?, ?, ?)";
    private static final String RAISE_LAST_SEQ = "UPDATE conversation SET last_seq = max(last_seq, ?) WHERE id = ?";
    private static final String RAISE_READ =
            "UPDATE member SET read_seq = max(read_seq, ?)" + " WHERE conversation_id = ? AND user_id = ?";
    private static final String ALL = "SELECT id, kind, title, last_seq, active FROM conversation ORDER BY id";
    private static final String ONE = "SELECT id, kind, title, last_seq, active FROM conversation WHERE id = ?";
    private static final String MEMBERS =
            "SELECT user_id, role, read_seq FROM member WHERE conversation_id = ? ORDER BY user_id";

    private final Connection con;
    private final LocalStore lock;

    ConversationTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    /** Stores {@code c} as the authoritative state: title, kind, last seq, active flag and the member list. */
    public void upsert(ConversationRecord c) {
        lock.inTransaction("store conversation " + c.id(), () -> {
            try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
                ps.setLong(1, c.id());
                ps.setString(2, c.kind());
                ps.setString(3, c.title());
                ps.setLong(4, c.lastSeq());
                ps.setInt(5, c.active() ? 1 : 0);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement(DELETE_MEMBERS)) {
                ps.setLong(1, c.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement(INSERT_MEMBER)) {
                for (MemberRecord m : c.members()) {
                    ps.setLong(1, c.id());
                    ps.setLong(2, m.userId());
                    ps.setString(3, m.role());
                    ps.setLong(4, m.readSeq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Moves the conversation's highest known seq forward (never back). */
    public void raiseLastSeq(long conversationId, long lastSeq) {
        lock.inTransaction("raise last seq of " + conversationId, () -> {
            try (PreparedStatement ps = con.prepareStatement(RAISE_LAST_SEQ)) {
                ps.setLong(1, lastSeq);
                ps.setLong(2, conversationId);
                ps.executeUpdate();
            }
        });
    }

    /** Moves a member's read mark forward (never back). */
    public void raiseReadMark(long conversationId, long userId, long readSeq) {
        lock.inTransaction("raise read mark in " + conversationId, () -> {
            try (PreparedStatement ps = con.prepareStatement(RAISE_READ)) {
                ps.setLong(1, readSeq);
                ps.setLong(2, conversationId);
                ps.setLong(3, userId);
                ps.executeUpdate();
            }
        });
    }

    public List<ConversationRecord> all() {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(ALL);
                    ResultSet rs = ps.executeQuery()) {
                List<ConversationRecord> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(read(rs));
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException("list conversations", e);
            }
        }
    }

    public Optional<ConversationRecord> find(long id) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(ONE)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("read conversation " + id, e);
            }
        }
    }

    private ConversationRecord read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new ConversationRecord(
                id, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) != 0, members(id));
    }

    private List<MemberRecord> members(long conversationId) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(MEMBERS)) {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                List<MemberRecord> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new MemberRecord(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
                return result;
            }
        }
    }
}
