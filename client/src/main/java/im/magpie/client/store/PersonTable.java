package im.magpie.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people directory as last fetched from the server (table {@code person}, created with {@code CREATE TABLE IF
 * NOT EXISTS} like every table here). Reached through {@link LocalStore#people()}.
 */
public final class PersonTable {
    private static final String INSERT = "INSERT INTO person (id, account, display_name, signature) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET account = excluded.account,"
            + " display_name = excluded.display_name, signature = excluded.signature";
    private static final String ALL = "SELECT id, account, display_name, signature FROM person";
    private static final String SIGNATURE = "UPDATE person SET signature = ? WHERE id = ?";

    private final Connection con;
    private final LocalStore store;

    PersonTable(Connection con, LocalStore store) {
        this.con = con;
        this.store = store;
    }

    /** Replaces the whole directory in one transaction (people who left it are gone afterwards). */
    public void replaceAll(Collection<PersonRecord> people) {
        store.inTransaction("replace people", () -> {
            try (Statement s = con.createStatement()) {
                s.executeUpdate("DELETE FROM person");
            }
            try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                for (PersonRecord p : people) {
                    ps.setLong(1, p.userId());
                    ps.setString(2, p.account());
                    ps.setString(3, p.displayName());
                    ps.setString(4, p.signature());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public void setSignature(long userId, String signature) {
        synchronized (store) {
            try (PreparedStatement ps = con.prepareStatement(SIGNATURE)) {
                ps.setString(1, signature);
                ps.setLong(2, userId);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("store signature", e);
            }
        }
    }

    /**
     * Everyone, in no particular order. Equal signatures are one string (most are empty, and many people share one):
     * the people index keeps these records for the whole session.
     */
    public List<PersonRecord> all() {
        synchronized (store) {
            try (PreparedStatement ps = con.prepareStatement(ALL);
                    ResultSet rs = ps.executeQuery()) {
                List<PersonRecord> out = new ArrayList<>();
                Map<String, String> signatures = new HashMap<>();
                while (rs.next()) {
                    String signature = rs.getString(4);
                    out.add(new PersonRecord(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            signatures.computeIfAbsent(signature, s -> s)));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("read people", e);
            }
        }
    }
}
