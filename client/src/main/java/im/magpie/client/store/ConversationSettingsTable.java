package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Mute and pin per conversation (table {@code conversation_setting}, created with {@code IF NOT EXISTS}: the store has
 * no schema versions). Filled by sync from the {@code settings_changed} entries of the user's SELF conversation, in log
 * order, so the last entry wins. Reached through {@link LocalStore#conversationSettings()}.
 */
public final class ConversationSettingsTable {
    static final String SCHEMA = "CREATE TABLE IF NOT EXISTS conversation_setting (conversation_id INTEGER PRIMARY KEY,"
            + " muted INTEGER NOT NULL, pinned INTEGER NOT NULL)";

    private static final String UPSERT = "INSERT INTO conversation_setting (conversation_id, muted, pinned)"
            + " VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET muted = excluded.muted,"
            + " pinned = excluded.pinned";
    private static final String ALL = "SELECT conversation_id, muted, pinned FROM conversation_setting";

    private final Connection con;
    private final LocalStore lock;

    ConversationSettingsTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    /** The settings of every conversation that has any; others are {@link ConversationSettings#NONE}. */
    public Map<Long, ConversationSettings> all() {
        synchronized (lock) {
            Map<Long, ConversationSettings> out = new HashMap<>();
            try (PreparedStatement ps = con.prepareStatement(ALL);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new ConversationSettings(rs.getInt(2) != 0, rs.getInt(3) != 0));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("read conversation settings", e);
            }
        }
    }

    public ConversationSettings of(long conversationId) {
        return all().getOrDefault(conversationId, ConversationSettings.NONE);
    }

    /** Stores the settings of a conversation (called inside the sync transaction). */
    void put(long conversationId, ConversationSettings settings) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
                ps.setLong(1, conversationId);
                ps.setInt(2, settings.muted() ? 1 : 0);
                ps.setInt(3, settings.pinned() ? 1 : 0);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("write conversation settings", e);
            }
        }
    }
}
