package im.magpie.server.store.postgres;

import im.magpie.server.account.Account;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.AccountStore;
import im.magpie.server.account.DirectoryEntry;
import im.magpie.server.account.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link AccountStore} on PostgreSQL (table {@code users}). */
public final class PostgresAccountStore implements AccountStore {
    private static final String COLUMNS = "id, account, display_name, disabled";
    private static final String INSERT = "INSERT INTO users (account, display_name, password_hash, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (account) DO NOTHING RETURNING " + COLUMNS;
    private static final String CREDENTIALS = "SELECT " + COLUMNS + ", password_hash FROM users WHERE account = ?";
    private static final String SET_DISABLED = "UPDATE users SET disabled = ? WHERE account = ? RETURNING " + COLUMNS;
    private static final String REVOKE_ALL =
            "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL";
    private static final String SET_HASH = "UPDATE users SET password_hash = ? WHERE account = ?";
    private static final String BY_ACCOUNT = "SELECT " + COLUMNS + " FROM users WHERE account = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM users WHERE id = ANY (?)";
    private static final String BY_ACCOUNTS = "SELECT " + COLUMNS + " FROM users WHERE account = ANY (?)";
    private static final String LIST = "SELECT " + COLUMNS + " FROM users ORDER BY id OFFSET ? LIMIT ?";

    private static final String DIRECTORY = "SELECT id, account, display_name, signature FROM users"
            + " WHERE id > ? AND NOT disabled ORDER BY id LIMIT ?";
    private static final String SET_SIGNATURE = "UPDATE users SET signature = ? WHERE id = ?";

    private final DataSource db;

    public PostgresAccountStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Account insert(String account, String displayName, String passwordHash, Instant now)
            throws AccountExistsException {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(INSERT)) {
            st.setString(1, account);
            st.setString(2, displayName);
            st.setString(3, passwordHash);
            st.setTimestamp(4, Timestamp.from(now));
            List<Account> rows = accounts(st);
            if (rows.isEmpty()) {
                throw new AccountExistsException(account);
            }
            return rows.get(0);
        } catch (SQLException e) {
            throw new StoreException("create account", e);
        }
    }

    @Override
    public Optional<Credentials> credentials(String account) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(CREDENTIALS)) {
            st.setString(1, account);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Credentials(account(rs), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read credentials", e);
        }
    }

    @Override
    public Optional<Account> setDisabled(String account, boolean disabled, Instant now) {
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement st = con.prepareStatement(SET_DISABLED);
                    PreparedStatement revoke = con.prepareStatement(REVOKE_ALL)) {
                st.setBoolean(1, disabled);
                st.setString(2, account);
                List<Account> rows = accounts(st);
                if (!rows.isEmpty() && disabled) {
                    revoke.setTimestamp(1, Timestamp.from(now));
                    revoke.setLong(2, rows.get(0).id().value());
                    revoke.executeUpdate();
                }
                con.commit();
                return rows.stream().findFirst();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("set disabled", e);
        }
    }

    @Override
    public boolean setPasswordHash(String account, String passwordHash) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(SET_HASH)) {
            st.setString(1, passwordHash);
            st.setString(2, account);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("set password", e);
        }
    }

    @Override
    public Optional<Account> findByAccount(String account) {
        return query(BY_ACCOUNT, account).stream().findFirst();
    }

    @Override
    public Optional<Account> findById(UserId id) {
        return query(BY_ID, id.value()).stream().findFirst();
    }

    @Override
    public List<Account> findByIds(Collection<UserId> ids) {
        return query(BY_IDS, (Object) ids.stream().map(UserId::value).toArray(Long[]::new));
    }

    @Override
    public List<Account> findByAccounts(Collection<String> accounts) {
        return query(BY_ACCOUNTS, (Object) accounts.toArray(String[]::new));
    }

    @Override
    public List<Account> list(int offset, int limit) {
        return query(LIST, offset, limit);
    }

    @Override
    public List<DirectoryEntry> directory(long afterId, int limit) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(DIRECTORY)) {
            st.setLong(1, afterId);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<DirectoryEntry> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new DirectoryEntry(
                            new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("read directory", e);
        }
    }

    @Override
    public boolean setSignature(UserId id, String signature) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(SET_SIGNATURE)) {
            st.setString(1, signature);
            st.setLong(2, id.value());
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("set signature", e);
        }
    }

    private List<Account> query(String sql, Object... args) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Long[] longs) {
                    st.setArray(i + 1, con.createArrayOf("bigint", longs));
                } else if (arg instanceof String[] strings) {
                    st.setArray(i + 1, con.createArrayOf("text", strings));
                } else {
                    st.setObject(i + 1, arg);
                }
            }
            return accounts(st);
        } catch (SQLException e) {
            throw new StoreException("read accounts", e);
        }
    }

    private static List<Account> accounts(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            List<Account> result = new ArrayList<>();
            while (rs.next()) {
                result.add(account(rs));
            }
            return result;
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }
}
