package im.magpie.server.core;

import im.magpie.server.account.AccountService;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.files.FileService;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.EventPublisher;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.session.SessionService;
import im.magpie.server.store.postgres.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import javax.sql.DataSource;

/**
 * The started core: database, master key, and the services built on them. {@link #close()} drains
 * the log writer (committing or failing what is queued), closes the pool and stops an embedded
 * PostgreSQL.
 */
public final class CoreComponents implements AutoCloseable {
    private final Database database;
    private final AccountComponents accounts;
    private final MessagingComponents messaging;
    private final FileComponents files;

    private CoreComponents(
            Database database, AccountComponents accounts, MessagingComponents messaging, FileComponents files) {
        this.database = database;
        this.accounts = accounts;
        this.messaging = messaging;
        this.files = files;
    }

    /** Loads (or creates) the master key, starts or connects to the database, migrates it, and wires the services. */
    public static CoreComponents start(CoreSettings settings, EventPublisher publisher) throws IOException {
        Files.createDirectories(settings.dataDir());
        SecureRandom random = new SecureRandom();
        MasterKey master = MasterKey.load(settings.dataDir(), settings.masterKeyBase64(), random);
        Database database = Database.start(settings.database(), settings.dataDir());
        try {
            DataSource db = database.dataSource();
            AccountComponents accounts = new AccountComponents(db, settings, random);
            MessagingComponents messaging = new MessagingComponents(db, master, settings, publisher, random);
            FileComponents files = new FileComponents(db, master, settings, random);
            return new CoreComponents(database, accounts, messaging, files);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public AccountService accounts() {
        return accounts.accounts();
    }

    public SessionService sessions() {
        return accounts.sessions();
    }

    public MessagingService messaging() {
        return messaging.messaging();
    }

    public ConversationService conversations() {
        return messaging.conversations();
    }

    public FileService files() {
        return files.files();
    }

    /** Removes uploads abandoned for over a week now (an hourly job does it anyway); returns how many. */
    public int purgeAbandonedUploads() throws IOException {
        return files.purgeAbandonedUploads();
    }

    /** Transactions the log writer committed since start (each may hold many commands: group commit). */
    public long logCommits() {
        return messaging.writer().commits();
    }

    /** Log commands committed since start. */
    public long logCommands() {
        return messaging.writer().committedCommands();
    }

    /** Log batches run a second time since start because they repeated a committed send (see {@code LogWriter}). */
    public long logBatchesRunAgain() {
        return messaging.writer().batchesRunAgain();
    }

    /** The pooled database, for admin tools and tests. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The embedded PostgreSQL's port, or -1 for an external database. */
    public int embeddedDatabasePort() {
        return database.embeddedPort();
    }

    @Override
    public void close() throws IOException {
        files.close();
        messaging.close();
        accounts.close();
        database.close();
    }
}
