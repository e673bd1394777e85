package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A cache of the people this device has seen, for showing names. Reached through {@link LocalStore#users()}. */
public final class UserTable {
    private static final String UPSERT = "INSERT INTO user (id, account, display_name) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET account = excluded.account, display_name = excluded.display_name";
    private static final String BY_ID = "SELECT id, account, display_name FROM user WHERE id = ?";
    private static final String BY_ACCOUNT = "SELECT id, account, display_name FROM user WHERE account = ?";

    private final Connection con;
    private final LocalStore lock;

    UserTable(Connection con, LocalStore lock) {
        this.con = con;
        this.lock = lock;
    }

    public void upsert(UserRecord u) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
                ps.setLong(1, u.userId());
                ps.setString(2, u.account());
                ps.setString(3, u.displayName());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("store user " + u.userId(), e);
            }
        }
    }

    /** {@link #upsert} of many users in one transaction. */
    public void upsertAll(List<UserRecord> users) {
        lock.inTransaction("store " + users.size() + " users", () -> {
            try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
                for (UserRecord u : users) {
                    ps.setLong(1, u.userId());
                    ps.setString(2, u.account());
                    ps.setString(3, u.displayName());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public Optional<UserRecord> find(long userId) {
        return query(BY_ID, ps -> ps.setLong(1, userId), "read user " + userId);
    }

    public Optional<UserRecord> findByAccount(String account) {
        return query(BY_ACCOUNT, ps -> ps.setString(1, account), "read user by account");
    }

    private Optional<UserRecord> query(String sql, Binder binder, String operation) {
        synchronized (lock) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new UserRecord(rs.getLong(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
