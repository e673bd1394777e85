package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.messaging.LogCommand;
import im.magpie.server.messaging.SendReceipt;
import im.magpie.server.messaging.UnknownFileException;
import im.magpie.server.messaging.UnknownUserException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The queries the log writer runs inside its transaction. */
final class LogLookups {
    private static final String RECEIPTS = "SELECT l.actor_id, l.client_msg_id, l.conversation_id, l.seq, l.server_time"
            + " FROM log l JOIN unnest(?::bigint[], ?::uuid[]) AS k (actor_id, client_msg_id)"
            + " ON l.actor_id = k.actor_id AND l.client_msg_id = k.client_msg_id";
    private static final String READABLE_FILES = "SELECT f.id FROM files f WHERE f.id = ANY (?) AND ("
            + " EXISTS (SELECT 1 FROM uploads u WHERE u.file_id = f.id AND u.uploader_id = ?)"
            + " OR EXISTS (SELECT 1 FROM file_refs r JOIN members m ON m.conversation_id = r.conversation_id"
            + " WHERE r.file_id = f.id AND m.user_id = ?))";
    private static final String TARGET =
            "SELECT actor_id, server_time, kind FROM log WHERE conversation_id = ? AND seq = ?";
    private static final String MESSAGE_SENDER =
            "SELECT actor_id FROM log WHERE conversation_id = ? AND seq = ? AND kind = " + LogRows.MESSAGE;
    private static final String RECALL_SEQ =
            "SELECT seq FROM log WHERE conversation_id = ? AND kind = " + LogRows.RECALL + " AND ref_seq = ?";
    private static final String CLEAR_BODY =
            "UPDATE log SET body = NULL, recalled = TRUE WHERE conversation_id = ? AND seq = ?";
    private static final String USERS = "SELECT id FROM users WHERE id = ANY (?)";
    private static final String BY_UNIQUE_KEY = "SELECT id FROM conversations WHERE unique_key = ?";
    private static final String BY_REQUEST =
            "SELECT id FROM conversations WHERE creator_id = ? AND client_request_id = ?";
    private static final String NEXT_ID = "SELECT nextval('conversations_id_seq')";

    /** A sender's client message id. */
    record SendKey(long sender, UUID clientId) {}

    private final Connection con;

    LogLookups(Connection con) {
        this.con = con;
    }

    Connection connection() {
        return con;
    }

    Map<SendKey, SendReceipt> receipts(List<LogCommand.Send> sends) throws SQLException {
        Map<SendKey, SendReceipt> found = new HashMap<>();
        if (sends.isEmpty()) {
            return found;
        }
        try (PreparedStatement st = con.prepareStatement(RECEIPTS)) {
            st.setArray(
                    1,
                    con.createArrayOf(
                            "bigint",
                            sends.stream().map(s -> s.caller().value()).toArray()));
            st.setArray(
                    2,
                    con.createArrayOf(
                            "uuid",
                            sends.stream()
                                    .map(s -> s.message().clientId().value())
                                    .toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(
                            new SendKey(rs.getLong(1), rs.getObject(2, UUID.class)),
                            new SendReceipt(
                                    new ConversationId(rs.getLong(3)),
                                    rs.getLong(4),
                                    rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return found;
    }

    void requireReadableFiles(UserId sender, List<String> files) throws SQLException, UnknownFileException {
        Set<String> readable = new HashSet<>();
        try (PreparedStatement st = con.prepareStatement(READABLE_FILES)) {
            st.setArray(1, con.createArrayOf("text", files.toArray()));
            st.setLong(2, sender.value());
            st.setLong(3, sender.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    readable.add(rs.getString(1));
                }
            }
        }
        if (!readable.containsAll(files)) {
            throw new UnknownFileException("a referenced file does not exist or was not fully uploaded");
        }
    }

    ConversationRules.@Nullable RecallTarget recallTarget(ConversationId conversation, long seq) throws SQLException {
        UserId sender;
        Instant posted;
        boolean message;
        try (PreparedStatement st = con.prepareStatement(TARGET)) {
            st.setLong(1, conversation.value());
            st.setLong(2, seq);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                sender = new UserId(rs.getLong(1));
                posted = rs.getTimestamp(2).toInstant();
                message = rs.getShort(3) == LogRows.MESSAGE;
            }
        }
        long recallSeq = 0;
        try (PreparedStatement st = con.prepareStatement(RECALL_SEQ)) {
            st.setLong(1, conversation.value());
            st.setLong(2, seq);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    recallSeq = rs.getLong(1);
                }
            }
        }
        return new ConversationRules.RecallTarget(sender, posted, message, recallSeq);
    }

    /** The sender of the message at {@code seq}; null when that entry is missing or not a message. */
    @Nullable
    UserId messageSender(ConversationId conversation, long seq) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(MESSAGE_SENDER)) {
            st.setLong(1, conversation.value());
            st.setLong(2, seq);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new UserId(rs.getLong(1)) : null;
            }
        }
    }

    void clearBody(ConversationId conversation, long seq) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(CLEAR_BODY)) {
            st.setLong(1, conversation.value());
            st.setLong(2, seq);
            st.executeUpdate();
        }
    }

    void requireUsers(Collection<UserId> users) throws SQLException, UnknownUserException {
        Set<Long> wanted = new HashSet<>();
        users.forEach(u -> wanted.add(u.value()));
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement st = con.prepareStatement(USERS)) {
            st.setArray(1, con.createArrayOf("bigint", wanted.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    wanted.remove(rs.getLong(1));
                }
            }
        }
        if (!wanted.isEmpty()) {
            throw new UnknownUserException("no user " + wanted.iterator().next());
        }
    }

    Optional<ConversationId> byUniqueKey(String key) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(BY_UNIQUE_KEY)) {
            st.setString(1, key);
            return single(st);
        }
    }

    Optional<ConversationId> byRequest(UserId creator, String requestId) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(BY_REQUEST)) {
            st.setLong(1, creator.value());
            st.setString(2, requestId);
            return single(st);
        }
    }

    long nextConversationId() throws SQLException {
        try (PreparedStatement st = con.prepareStatement(NEXT_ID);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<ConversationId> single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(new ConversationId(rs.getLong(1))) : Optional.empty();
        }
    }
}
