package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.WipeOrder;
import im.magpie.server.session.WipeStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link WipeStore} on PostgreSQL (table {@code device_wipes}, migration V5). */
public final class PostgresWipeStore implements WipeStore {
    private static final String ORDER = "INSERT INTO device_wipes (device_id, user_id, ordered_at)"
            + " SELECT id, user_id, ? FROM devices WHERE id = ? AND user_id = ?"
            + " ON CONFLICT (device_id) DO NOTHING";
    private static final String COLUMNS = "SELECT device_id, ordered_at, delivered_at FROM device_wipes";
    private static final String FIND = COLUMNS + " WHERE device_id = ?";
    private static final String OF_USER = COLUMNS + " WHERE user_id = ? ORDER BY ordered_at, device_id";
    private static final String DELIVERED =
            "UPDATE device_wipes SET delivered_at = ? WHERE device_id = ? AND delivered_at IS NULL";

    private final DataSource db;

    public PostgresWipeStore(DataSource db) {
        this.db = db;
    }

    @Override
    public List<WipeOrder> order(UserId user, List<DeviceId> devices, Instant now) {
        try (Connection con = db.getConnection();
                PreparedStatement insert = con.prepareStatement(ORDER)) {
            for (DeviceId device : devices) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setObject(2, UUID.fromString(device.value()));
                insert.setLong(3, user.value());
                insert.executeUpdate();
            }
            List<WipeOrder> stored = new ArrayList<>();
            for (DeviceId device : devices) {
                find(con, device).ifPresent(stored::add);
            }
            return stored;
        } catch (SQLException e) {
            throw new StoreException("order wipe for user " + user.value(), e);
        }
    }

    @Override
    public Optional<WipeOrder> find(DeviceId device) {
        try (Connection con = db.getConnection()) {
            return find(con, device);
        } catch (SQLException e) {
            throw new StoreException("find wipe order", e);
        }
    }

    private static Optional<WipeOrder> find(Connection con, DeviceId device) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(device.value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (PreparedStatement st = con.prepareStatement(FIND)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(order(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public void delivered(DeviceId device, Instant now) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(DELIVERED)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setObject(2, UUID.fromString(device.value()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("record wipe delivery", e);
        }
    }

    @Override
    public List<WipeOrder> ofUser(UserId user) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(OF_USER)) {
            st.setLong(1, user.value());
            List<WipeOrder> orders = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    orders.add(order(rs));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new StoreException("list wipe orders of user " + user.value(), e);
        }
    }

    private static WipeOrder order(ResultSet rs) throws SQLException {
        Timestamp delivered = rs.getTimestamp(3);
        return new WipeOrder(
                new DeviceId(rs.getString(1)),
                rs.getTimestamp(2).toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
