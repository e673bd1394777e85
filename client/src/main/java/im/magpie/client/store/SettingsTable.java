package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Small key/value settings kept encrypted: session token, device id, user id, account, pinned fingerprint, server
 * address. Keys are the constants below. Reached through {@link LocalStore#settings()}.
 */
public final class SettingsTable {
    public static final String SESSION_TOKEN = "session.token";
    public static final String DEVICE_ID = "device.id";
    public static final String USER_ID = "user.id";
    public static final String ACCOUNT = "user.account";
    public static final String PINNED_FINGERPRINT = "server.fingerprint";
    public static final String SERVER_ADDRESS = "server.address";

    private static final String GET = "SELECT value FROM setting WHERE key = ?";
    private static final String PUT =
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String DELETE = "DELETE FROM setting WHERE key = ?";

    private final Connection con;
    private final LocalStore lock;

    SettingsTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    public Optional<String> get(String key) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(GET)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("read setting " + key, e);
            }
        }
    }

    public void put(String key, String value) {
        change(PUT, key, value);
    }

    public void remove(String key) {
        change(DELETE, key, null);
    }

    private void change(String sql, String key, @org.jspecify.annotations.Nullable String value) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setString(1, key);
                if (value != null) {
                    ps.setString(2, value);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("write setting " + key, e);
            }
        }
    }
}
