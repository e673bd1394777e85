package im.magpie.server.store.postgres;

import im.magpie.server.account.Account;
import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.DeviceInfo;
import im.magpie.server.session.SessionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** {@link SessionStore} on PostgreSQL (tables {@code devices} and {@code sessions}). */
public final class PostgresSessionStore implements SessionStore {
    private static final String DEVICE_OWNER = "SELECT user_id FROM devices WHERE id = ?";
    private static final String INSERT_DEVICE =
            "INSERT INTO devices (id, user_id, name, platform, first_seen, last_seen)" + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TOUCH_DEVICE = "UPDATE devices SET name = ?, platform = ?, last_seen = ? WHERE id = ?";
    private static final String TOUCH_DEVICE_LATEST =
            "UPDATE devices SET name = ?, platform = ?," + " last_seen = GREATEST(last_seen, ?) WHERE id = ?";
    private static final String REVOKE_DEVICE_SESSIONS =
            "UPDATE sessions SET revoked_at = ? WHERE device_id = ? AND user_id = ? AND revoked_at IS NULL";
    private static final String INSERT_SESSION =
            "INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT u.id, u.account, u.display_name, u.disabled, s.device_id,"
            + " s.expires_at, s.revoked_at IS NOT NULL FROM sessions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.token_hash = ?";
    private static final String REVOKE =
            "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
    private static final String REVOKE_USER =
            "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"
                    + " AND expires_at > ? RETURNING device_id";
    private static final String DEVICES = "SELECT id, name, platform, first_seen, last_seen FROM devices"
            + " WHERE user_id = ? ORDER BY last_seen DESC LIMIT 1000";

    private final DataSource db;

    public PostgresSessionStore(DataSource db) {
        this.db = db;
    }

    @Override
    public DeviceId registerDevice(
            UserId user, @Nullable DeviceId requested, String name, String platform, Instant now) {
        try (Connection con = db.getConnection()) {
            UUID id = parse(requested);
            if (id != null) {
                Optional<Long> owner = owner(con, id);
                if (owner.isPresent() && owner.get() == user.value()) {
                    touch(con, id, name, platform, now);
                    return new DeviceId(id.toString());
                }
                if (owner.isPresent()) {
                    id = null;
                }
            }
            UUID fresh = id != null ? id : UUID.randomUUID();
            try (PreparedStatement st = con.prepareStatement(INSERT_DEVICE)) {
                st.setObject(1, fresh);
                st.setLong(2, user.value());
                st.setString(3, name);
                st.setString(4, platform);
                st.setTimestamp(5, Timestamp.from(now));
                st.setTimestamp(6, Timestamp.from(now));
                st.executeUpdate();
            }
            return new DeviceId(fresh.toString());
        } catch (SQLException e) {
            throw new StoreException("register device for user " + user.value(), e);
        }
    }

    private static @Nullable UUID parse(@Nullable DeviceId device) {
        if (device == null || device.value().length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(device.value());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Long> owner(Connection con, UUID id) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(DEVICE_OWNER)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void touch(Connection con, UUID id, String name, String platform, Instant now) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(TOUCH_DEVICE)) {
            st.setString(1, name);
            st.setString(2, platform);
            st.setTimestamp(3, Timestamp.from(now));
            st.setObject(4, id);
            st.executeUpdate();
        }
    }

    @Override
    public void insertSession(byte[] tokenHash, UserId user, DeviceId device, Instant now, Instant expiresAt) {
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement revoke = con.prepareStatement(REVOKE_DEVICE_SESSIONS);
                    PreparedStatement insert = con.prepareStatement(INSERT_SESSION)) {
                revoke.setTimestamp(1, Timestamp.from(now));
                revoke.setObject(2, UUID.fromString(device.value()));
                revoke.setLong(3, user.value());
                revoke.executeUpdate();
                insert.setBytes(1, tokenHash);
                insert.setLong(2, user.value());
                insert.setObject(3, UUID.fromString(device.value()));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(expiresAt));
                insert.executeUpdate();
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("create session for user " + user.value(), e);
        }
    }

    @Override
    public Optional<StoredSession> find(byte[] tokenHash) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(FIND)) {
            st.setBytes(1, tokenHash);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Account account =
                        new Account(new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                return Optional.of(new StoredSession(
                        account,
                        new DeviceId(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new StoreException("find session", e);
        }
    }

    @Override
    public void touchDevices(List<Touch> touches) {
        if (touches.isEmpty()) {
            return;
        }
        // Last-seen facts are informational: one batch per flush, committed without waiting for the WAL flush; a
        // crash can only lose the newest last_seen values.
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try (Statement st = con.createStatement();
                    PreparedStatement update = con.prepareStatement(TOUCH_DEVICE_LATEST)) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
                for (Touch touch : touches) {
                    update.setString(1, touch.name());
                    update.setString(2, touch.platform());
                    update.setTimestamp(3, Timestamp.from(touch.at()));
                    update.setObject(4, UUID.fromString(touch.device().value()));
                    update.addBatch();
                }
                update.executeBatch();
                con.commit();
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("touch " + touches.size() + " devices", e);
        }
    }

    @Override
    public boolean revoke(byte[] tokenHash, Instant now) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(REVOKE)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setBytes(2, tokenHash);
            return st.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("revoke session", e);
        }
    }

    @Override
    public List<DeviceId> revokeUser(UserId user, Instant now) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(REVOKE_USER)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setLong(2, user.value());
            st.setTimestamp(3, Timestamp.from(now));
            List<DeviceId> devices = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    devices.add(new DeviceId(rs.getString(1)));
                }
            }
            return devices.stream().distinct().toList();
        } catch (SQLException e) {
            throw new StoreException("revoke sessions of user " + user.value(), e);
        }
    }

    @Override
    public boolean revokeDevice(UserId user, DeviceId device, Instant now) {
        UUID id = parse(device);
        if (id == null) {
            return false;
        }
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(REVOKE_DEVICE_SESSIONS + " AND expires_at > ?")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setObject(2, id);
            st.setLong(3, user.value());
            st.setTimestamp(4, Timestamp.from(now));
            return st.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("revoke device " + device.value(), e);
        }
    }

    @Override
    public List<DeviceInfo> devices(UserId user) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(DEVICES)) {
            st.setLong(1, user.value());
            List<DeviceInfo> result = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(new DeviceInfo(
                            new DeviceId(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("list devices of user " + user.value(), e);
        }
    }
}
