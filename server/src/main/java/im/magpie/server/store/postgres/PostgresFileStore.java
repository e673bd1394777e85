package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.files.FileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link FileStore} on PostgreSQL (tables {@code files}, {@code uploads}, {@code file_refs}). */
public final class PostgresFileStore implements FileStore {
    private static final String FILE = "SELECT id, size, sealed_hash, wrapped_key, nonce FROM files WHERE id = ?";
    private static final String INSERT_UPLOAD = "INSERT INTO uploads (id, uploader_id, size, sealed_hash, lookup_id,"
            + " wrapped_key, nonce, received, file_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPLOAD = "SELECT id, uploader_id, size, sealed_hash, lookup_id, wrapped_key, nonce,"
            + " received, file_id FROM uploads WHERE id = ? AND uploader_id = ?";
    private static final String ABANDONED =
            "SELECT id FROM uploads WHERE file_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?";
    private static final String DELETE_INCOMPLETE = "DELETE FROM uploads WHERE id = ? AND file_id IS NULL";
    private static final String SET_RECEIVED = "UPDATE uploads SET received = ? WHERE id = ?";
    private static final String RESET = "UPDATE uploads SET received = 0, wrapped_key = ?, nonce = ? WHERE id = ?";
    private static final String INSERT_FILE =
            "INSERT INTO files (id, size, sealed_hash, wrapped_key, nonce, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String LINK = "UPDATE uploads SET file_id = ?, received = size WHERE id = ?";
    private static final String CAN_READ = "SELECT EXISTS (SELECT 1 FROM uploads WHERE file_id = ? AND uploader_id = ?)"
            + " OR EXISTS (SELECT 1 FROM file_refs r JOIN members m ON m.conversation_id = r.conversation_id"
            + " WHERE r.file_id = ? AND m.user_id = ?)";

    private final DataSource db;

    public PostgresFileStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Optional<StoredFile> file(String id) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(FILE)) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredFile(
                                rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read file " + id, e);
        }
    }

    @Override
    public void insertUpload(UploadRow upload, Instant now) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(INSERT_UPLOAD)) {
            st.setString(1, upload.id());
            st.setLong(2, upload.uploader().value());
            st.setLong(3, upload.size());
            st.setBytes(4, upload.sealedHash());
            st.setString(5, upload.lookupId());
            st.setBytes(6, upload.wrappedKey());
            st.setBytes(7, upload.nonce());
            st.setLong(8, upload.received());
            st.setString(9, upload.fileId());
            st.setTimestamp(10, Timestamp.from(now));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("create upload " + upload.id(), e);
        }
    }

    @Override
    public Optional<UploadRow> upload(String id, UserId uploader) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(UPLOAD)) {
            st.setString(1, id);
            st.setLong(2, uploader.value());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UploadRow(
                        rs.getString(1),
                        new UserId(rs.getLong(2)),
                        rs.getLong(3),
                        rs.getBytes(4),
                        rs.getString(5),
                        rs.getBytes(6),
                        rs.getBytes(7),
                        rs.getLong(8),
                        rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new StoreException("read upload " + id, e);
        }
    }

    @Override
    public void setReceived(String uploadId, long received) {
        update("advance upload " + uploadId, SET_RECEIVED, received, uploadId);
    }

    @Override
    public void resetUpload(String uploadId, byte[] wrappedKey, byte[] nonce) {
        update("reset upload " + uploadId, RESET, wrappedKey, nonce, uploadId);
    }

    @Override
    public void completeUpload(String uploadId, StoredFile file, Instant now) {
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try (PreparedStatement insert = con.prepareStatement(INSERT_FILE);
                    PreparedStatement link = con.prepareStatement(LINK)) {
                insert.setString(1, file.id());
                insert.setLong(2, file.size());
                insert.setBytes(3, file.sealedHash());
                insert.setBytes(4, file.wrappedKey());
                insert.setBytes(5, file.nonce());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
                link.setString(1, file.id());
                link.setString(2, uploadId);
                link.executeUpdate();
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("complete upload " + uploadId, e);
        }
    }

    @Override
    public boolean canRead(UserId reader, String fileId) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(CAN_READ)) {
            st.setString(1, fileId);
            st.setLong(2, reader.value());
            st.setString(3, fileId);
            st.setLong(4, reader.value());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StoreException("check access to file " + fileId, e);
        }
    }

    private void update(String operation, String sql, Object... args) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    @Override
    public List<String> abandonedUploads(Instant createdBefore, int limit) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(ABANDONED)) {
            st.setTimestamp(1, Timestamp.from(createdBefore));
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new StoreException("list uploads begun before " + createdBefore, e);
        }
    }

    @Override
    public void deleteIncompleteUpload(String uploadId) {
        try (Connection con = db.getConnection();
                PreparedStatement st = con.prepareStatement(DELETE_INCOMPLETE)) {
            st.setString(1, uploadId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("delete upload " + uploadId, e);
        }
    }
}
