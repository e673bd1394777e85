package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The log writer's bounded LRU cache of {@link ConversationModel}s, loaded lazily. Writer thread only. */
final class ConversationCache {
    static final int DEFAULT_CAPACITY = 10_000;
    private static final String CONVERSATION =
            "SELECT c.kind, c.title, " + LogRows.LAST_SEQ + ", c.wrapped_key FROM conversations c WHERE c.id = ?";
    private static final String MEMBERS = "SELECT user_id, role, read_seq, active, joined_pos FROM members"
            + " WHERE conversation_id = ? ORDER BY joined_pos, user_id";

    private final Map<Long, ConversationModel> models;

    ConversationCache(int capacity) {
        this.models = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ConversationModel> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<ConversationModel> get(Connection con, ConversationId id) throws SQLException {
        ConversationModel cached = models.get(id.value());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ConversationModel> loaded = load(con, id);
        loaded.ifPresent(model -> models.put(id.value(), model));
        return loaded;
    }

    void put(ConversationModel model) {
        models.put(model.id().value(), model);
    }

    void clear() {
        models.clear();
    }

    private static Optional<ConversationModel> load(Connection con, ConversationId id) throws SQLException {
        ConversationModel model;
        try (PreparedStatement st = con.prepareStatement(CONVERSATION)) {
            st.setLong(1, id.value());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                model = new ConversationModel(
                        id, Codes.kind(rs.getShort(1)), rs.getString(2), rs.getLong(3), rs.getBytes(4));
            }
        }
        try (PreparedStatement st = con.prepareStatement(MEMBERS)) {
            st.setLong(1, id.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    model.load(
                            new UserId(rs.getLong(1)),
                            new ConversationModel.Slot(
                                    Codes.role(rs.getShort(2)), rs.getLong(3), rs.getBoolean(4), rs.getLong(5)));
                }
            }
        }
        return Optional.of(model);
    }
}
