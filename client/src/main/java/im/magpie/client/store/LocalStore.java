package im.magpie.client.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * The encrypted local database of one account on one server: a SQLCipher (v4) file in WAL mode whose random key is
 * kept by {@link DeviceKeyProtector}. Tables are reached through {@link #conversations()}, {@link #entries()},
 * {@link #outbox()}, {@link #users()} and {@link #settings()}; every call is thread-safe (one connection, one lock).
 */
public final class LocalStore implements AutoCloseable {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS conversation (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL,"
                + " last_seq INTEGER NOT NULL, active INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS member (conversation_id INTEGER NOT NULL, user_id INTEGER NOT NULL,"
                + " role TEXT NOT NULL, read_seq INTEGER NOT NULL, PRIMARY KEY (conversation_id, user_id))",
        "CREATE TABLE IF NOT EXISTS entry (conversation_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
                + " actor_user_id INTEGER NOT NULL, server_time_ms INTEGER NOT NULL, kind TEXT NOT NULL,"
                + " body BLOB NOT NULL, recalled INTEGER NOT NULL, client_message_id TEXT NOT NULL,"
                + " search_text TEXT NOT NULL, UNIQUE (conversation_id, seq))",
        // for filtered search (EntrySearch): each index also orders by rowid within a key
        "CREATE INDEX IF NOT EXISTS entry_actor ON entry (actor_user_id)",
        "CREATE INDEX IF NOT EXISTS entry_conversation ON entry (conversation_id)",
        "CREATE INDEX IF NOT EXISTS entry_time ON entry (server_time_ms)",
        "CREATE VIRTUAL TABLE IF NOT EXISTS entry_fts USING fts5(uni, bi, tokenize = 'unicode61')",
        "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " client_message_id TEXT NOT NULL UNIQUE, conversation_id INTEGER NOT NULL, body BLOB NOT NULL,"
                + " state TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL,"
                + " created_ms INTEGER NOT NULL, seq INTEGER NOT NULL, server_time_ms INTEGER NOT NULL,"
                + " failure_code TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sync_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), cursor BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS user (id INTEGER PRIMARY KEY, account TEXT NOT NULL, display_name TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS user_account ON user (account)",
        "CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY, account TEXT NOT NULL,"
                + " display_name TEXT NOT NULL, signature TEXT NOT NULL)",
        ConversationSettingsTable.SCHEMA,
        UsageTable.SCHEMA
    };
    private static final String READ_CURSOR = "SELECT cursor FROM sync_cursor WHERE id = 1";
    private static final String WRITE_CURSOR = "INSERT INTO sync_cursor (id, cursor) VALUES (1, ?)"
            + " ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor";

    private final Connection con;
    private final ConversationTable conversations;
    private final EntryTable entries;
    private final OutboxTable outbox;
    private final UserTable users;
    private final SettingsTable settings;
    private final PersonTable people;
    private final ConversationSettingsTable conversationSettings;
    private final UsageTable usage;

    private LocalStore(Connection con) {
        this.con = con;
        this.conversations = new ConversationTable(con, this);
        this.entries = new EntryTable(con, this);
        this.outbox = new OutboxTable(con, this);
        this.users = new UserTable(con, this);
        this.settings = new SettingsTable(con, this);
        this.people = new PersonTable(con, this);
        this.conversationSettings = new ConversationSettingsTable(con, this);
        this.usage = new UsageTable(con, this, settings);
    }

    /**
     * Opens (creating if needed) the database file {@code database}, unwrapping its key with {@code keys}.
     *
     * @throws DeviceMismatchException when the key cannot be unwrapped here (files from another machine or user)
     */
    public static LocalStore open(Path database, DeviceKeyProtector keys) throws IOException, DeviceMismatchException {
        Path parent = database.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] key;
        if (DeviceKeyProtector.hasKey(database)) {
            key = keys.loadKey(database);
        } else if (Files.exists(database)) {
            throw new DeviceMismatchException("the local database " + database.getFileName() + " has no key file");
        } else {
            key = keys.createKey(database);
        }
        try {
            Connection con = SQLiteMCSqlCipherConfig.getV4Defaults()
                    .withRawUnsaltedKey(key)
                    .build()
                    .createConnection("jdbc:sqlite:file:" + database.toAbsolutePath());
            try {
                initialise(con);
            } catch (SQLException e) {
                con.close();
                throw e;
            }
            return new LocalStore(con);
        } catch (SQLException e) {
            throw new StoreException("open local database " + database.getFileName(), e);
        }
    }

    private static void initialise(Connection con) throws SQLException {
        try (Statement s = con.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA foreign_keys = ON");
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    public ConversationTable conversations() {
        return conversations;
    }

    public EntryTable entries() {
        return entries;
    }

    public OutboxTable outbox() {
        return outbox;
    }

    public UserTable users() {
        return users;
    }

    /** Mute and pin per conversation, as synced from the user's SELF conversation. */
    public ConversationSettingsTable conversationSettings() {
        return conversationSettings;
    }

    /** How much the user writes to each conversation (frequent contacts and conversations). */
    public UsageTable usage() {
        return usage;
    }

    public SettingsTable settings() {
        return settings;
    }

    /** Where received files were saved and own files were sent from. */
    public SavedFiles savedFiles() {
        return new SavedFiles(settings);
    }

    /** The people directory cache (everyone the server lets the user see). */
    public PersonTable people() {
        return people;
    }

    /** The cursor of the last applied sync page, or empty bytes before the first sync. */
    public byte[] syncCursor() {
        synchronized (this) {
            try (PreparedStatement ps = con.prepareStatement(READ_CURSOR);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            } catch (SQLException e) {
                throw new StoreException("read sync cursor", e);
            }
        }
    }

    /** Applies one sync page and stores its cursor, all in one transaction. */
    public void applySyncBatch(SyncBatch batch) {
        inTransaction("apply sync page", () -> {
            applyChanges(batch);
            for (ConversationRecord c : batch.states()) {
                conversations.upsert(c);
            }
            try (PreparedStatement ps = con.prepareStatement(WRITE_CURSOR)) {
                ps.setBytes(1, batch.nextCursor());
                ps.executeUpdate();
            }
        });
    }

    /**
     * Applies entries that a notification carried inline, in one transaction: the entries with their recalls and
     * read marks, and each conversation's last seq raised to its newest entry. The sync cursor and the member lists
     * stay as they are (the next sync returns these entries again; storing them is idempotent). Returns the
     * conversations as they are afterwards.
     */
    public List<ConversationRecord> applyPushedBatch(SyncBatch batch) {
        List<ConversationRecord> after = new ArrayList<>();
        inTransaction("apply pushed entries", () -> {
            applyChanges(batch);
            Map<Long, Long> newest = new LinkedHashMap<>();
            for (EntryRecord e : batch.entries()) {
                newest.merge(e.conversationId(), e.seq(), Math::max);
            }
            newest.forEach(conversations::raiseLastSeq);
            newest.keySet().forEach(id -> conversations.find(id).ifPresent(after::add));
        });
        return after;
    }

    private void applyChanges(SyncBatch batch) {
        entries.upsertAll(batch.entries());
        for (SyncBatch.Setting setting : batch.settings()) {
            conversationSettings.put(setting.conversationId(), setting.settings());
        }
        for (SyncBatch.Recall r : batch.recalls()) {
            entries.markRecalled(r.conversationId(), r.targetSeq());
        }
        for (SyncBatch.ReadMark m : batch.readMarks()) {
            conversations.raiseReadMark(m.conversationId(), m.userId(), m.readSeq());
        }
    }

    /** Empties every table except the settings (used when a session ends and the account's data must go). */
    public void clearSyncedData() {
        inTransaction("clear synced data", () -> {
            try (Statement s = con.createStatement()) {
                for (String table : new String[] {
                    "conversation", "member", "entry", "entry_fts", "sync_cursor", "person", "conversation_setting"
                }) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
        });
    }

    void inTransaction(String operation, SqlWork work) {
        synchronized (this) {
            try {
                boolean outer = con.getAutoCommit();
                if (!outer) {
                    work.run();
                    return;
                }
                con.setAutoCommit(false);
                try {
                    work.run();
                    con.commit();
                } catch (SQLException | RuntimeException e) {
                    con.rollback();
                    throw e;
                } finally {
                    con.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException(operation, e);
            }
        }
    }

    Optional<Long> queryLong(String sql, long... args) {
        synchronized (this) {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(v);
                }
            } catch (SQLException e) {
                throw new StoreException("query " + sql.split(" ", 3)[1], e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                con.close();
            } catch (SQLException e) {
                throw new StoreException("close local database", e);
            }
        }
    }

    /** A piece of JDBC work run inside {@link #inTransaction}. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }
}
