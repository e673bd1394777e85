package im.magpie.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
    private final SecureRandom random = new SecureRandom();
    private final byte[] data = "x".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void createsAPrivateKeyFileOnFirstStartAndReusesIt() throws IOException {
        MasterKey first = MasterKey.load(dataDir, null, random);
        Path file = dataDir.resolve("keys/master.key");

        assertThat(Files.readAllBytes(file)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        MasterKey second = MasterKey.load(dataDir, null, random);
        assertThat(second.mac("t", data)).isEqualTo(first.mac("t", data));
        byte[] sealed = first.wrappingKey().seal(data, data);
        assertThat(second.wrappingKey().open(sealed, data)).isEqualTo(data);
    }

    @Test
    void prefersTheEnvironmentAndWritesNoFile() throws IOException {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String env = Base64.getEncoder().encodeToString(raw);

        MasterKey a = MasterKey.load(dataDir, env, random);
        MasterKey b = MasterKey.load(dataDir.resolve("elsewhere"), env, random);

        assertThat(Files.exists(dataDir.resolve("keys"))).isFalse();
        assertThat(a.mac("t", data)).isEqualTo(b.mac("t", data));
    }

    @Test
    void rejectsAnEnvironmentKeyOfTheWrongLength() {
        String env = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.load(dataDir, env, random)).isInstanceOf(IOException.class);
    }

    @Test
    void derivesDifferentKeysPerPurpose() throws IOException {
        MasterKey key = MasterKey.load(dataDir, null, random);

        assertThat(key.mac("a", data)).isNotEqualTo(key.mac("b", data));
        assertThat(key.toString())
                .doesNotContain(
                        Base64.getEncoder().encodeToString(Files.readAllBytes(dataDir.resolve("keys/master.key"))));
    }
}
