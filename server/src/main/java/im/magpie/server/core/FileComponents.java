package im.magpie.server.core;

import im.magpie.server.crypto.FileCipher;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.files.ContentStore;
import im.magpie.server.files.EncryptedFileService;
import im.magpie.server.files.FileService;
import im.magpie.server.store.postgres.PostgresFileStore;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file service, and the periodic removal of uploads that were abandoned half-way. */
final class FileComponents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileComponents.class);
    static final Duration PURGE_PERIOD = Duration.ofHours(1);

    private final EncryptedFileService files;
    private final ScheduledExecutorService cleanup;

    FileComponents(DataSource db, MasterKey master, CoreSettings settings, SecureRandom random) throws IOException {
        FileCipher cipher = new FileCipher(random);
        this.files = new EncryptedFileService(
                new PostgresFileStore(db),
                new ContentStore(settings.dataDir().resolve("files"), cipher),
                master,
                cipher,
                settings.maxFileBytes(),
                settings.clock(),
                random);
        this.cleanup = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upload-cleanup");
            t.setDaemon(true);
            return t;
        });
        var unused = cleanup.scheduleWithFixedDelay(
                this::purge, PURGE_PERIOD.toMinutes(), PURGE_PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    FileService files() {
        return files;
    }

    /** Removes abandoned uploads now (the periodic job does the same); returns how many. */
    int purgeAbandonedUploads() throws IOException {
        return files.purgeAbandonedUploads();
    }

    private void purge() {
        try {
            int purged = purgeAbandonedUploads();
            if (purged > 0) {
                log.info("removed {} uploads abandoned for over {}", purged, EncryptedFileService.ABANDONED_UPLOAD_AGE);
            }
        } catch (IOException | RuntimeException e) {
            // The edge of this thread: log once; the next period tries again.
            log.warn("removing abandoned uploads failed", e);
        }
    }

    @Override
    public void close() {
        cleanup.shutdownNow();
    }
}
