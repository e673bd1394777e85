package im.magpie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path dataDir;

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedUntilTheFirstReleasesIt() throws Exception {
        DataDirectoryLock first = DataDirectoryLock.acquire(dataDir);
        assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE_NAME))
                        .strip())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                .hasMessageContaining(dataDir.toString());

        first.release();
        DataDirectoryLock.acquire(dataDir).release();
    }
}
