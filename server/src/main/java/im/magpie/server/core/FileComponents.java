package im.magpie.server.core;

import im.magpie.server.crypto.FileCipher;
import im.magpie.server.crypto.MasterKey;
import im.magpie.server.files.ContentStore;
import im.magpie.server.files.EncryptedFileService;
import im.magpie.server.files.FileService;
import im.magpie.server.store.postgres.PostgresFileStore;
import java.io.IOException;
import java.security.SecureRandom;
import javax.sql.DataSource;

/** Encrypted, deduplicated file storage under {@code <dataDir>/files}. */
final class FileComponents {
    private final FileService files;

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
    }

    FileService files() {
        return files;
    }
}
