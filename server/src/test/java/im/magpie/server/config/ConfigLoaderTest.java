package im.magpie.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void runsOnDefaultsWithoutAFile() throws ConfigException {
        ServerConfig config = loader.load(null);

        assertThat(config).isEqualTo(ServerConfig.defaults());
        assertThat(config.ports()).isEqualTo(new PortsConfig(7080, 7006, 7443, 7003));
        assertThat(config.database().mode()).isEqualTo(DatabaseMode.EMBEDDED);
        assertThat(config.admin().bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void parsesTheSampleFileToTheDefaults() throws ConfigException {
        ServerConfig sample = loader.load(sampleFile());

        assertThat(sample).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void readsNestedKeys() throws ConfigException {
        ServerConfig config = loader.parseYaml("""
                public_host: im.example.com
                ports: {gateway: 9006, api: 9443}
                limits:
                  heartbeat_seconds: 20
                  recall_window_seconds: 60
                """);

        assertThat(config.publicHost()).isEqualTo("im.example.com");
        assertThat(config.ports()).isEqualTo(new PortsConfig(7080, 9006, 9443, 7003));
        assertThat(config.limits().heartbeatSeconds()).isEqualTo(20);
        assertThat(config.limits().recallWindow()).hasSeconds(60);
    }

    @Test
    void readsACheaperPasswordHashingForBenchmarksAndRejectsAnImpossibleOne() throws ConfigException {
        ServerConfig config = loader.parseYaml("password_hashing: {memory_kib: 64, iterations: 1}\n");

        assertThat(config.passwordHashing()).isEqualTo(new PasswordHashingConfig(64, 1, 1));
        assertThat(config.passwordHashing().belowDefaults()).isTrue();
        assertThat(ServerConfig.defaults().passwordHashing().belowDefaults()).isFalse();
        assertThatThrownBy(() -> loader.parseYaml("password_hashing: {memory_kib: 16, parallelism: 4}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("password_hashing.memory_kib");
    }

    @Test
    void rejectsAnUnknownKeyByItsFullName() {
        assertThatThrownBy(() -> loader.parseYaml("limits:\n  heartbeat_secs: 20\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.heartbeat_secs");
        assertThatThrownBy(() -> loader.parseYaml("port: 1\n"))
                .hasMessageContaining("unknown configuration key 'port'");
    }

    @Test
    void namesKeyValueAndExpectationOfAnInvalidValue() {
        assertThatThrownBy(() -> loader.parseYaml("ports: {gateway: 70000}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'ports.gateway'")
                .hasMessageContaining("'70000'")
                .hasMessageContaining("[0, 65535]");
        assertThatThrownBy(() -> loader.parseYaml("database: {mode: sqlite}\n"))
                .hasMessageContaining("'database.mode'")
                .hasMessageContaining("'sqlite'")
                .hasMessageContaining("'embedded' or 'external'");
        assertThatThrownBy(() -> loader.parseYaml("limits: {heartbeat_seconds: fast}\n"))
                .hasMessageContaining("'limits.heartbeat_seconds'");
    }

    @Test
    void requiresUrlAndUserForAnExternalDatabase() {
        assertThatThrownBy(() -> loader.parseYaml("database: {mode: external, user: magpie}\n"))
                .hasMessageContaining("'database.url'");
        assertThatThrownBy(() -> loader.parseYaml("database: {mode: external, url: 'jdbc:postgresql://db/magpie'}\n"))
                .hasMessageContaining("'database.user'");
    }

    @Test
    void requiresBothOperatorTlsFiles() {
        assertThatThrownBy(() -> loader.parseYaml("tls: {certificate_file: /etc/chain.pem}\n"))
                .hasMessageContaining("tls.private_key_file");
    }

    @Test
    void readsTheDatabasePasswordFromItsFileAndNeverPrintsIt(@TempDir Path dir) throws IOException, ConfigException {
        Path secret = Files.writeString(dir.resolve("db-password"), "s3cret-pw\n");

        ServerConfig config = loader.parseYaml("database: {mode: external, url: 'jdbc:postgresql://db/magpie',"
                + " user: magpie, password_file: '" + secret + "'}\n");

        Secret password = java.util.Objects.requireNonNull(config.database().password());
        assertThat(password.reveal()).isEqualTo("s3cret-pw");
        assertThat(config.toString()).doesNotContain("s3cret-pw").contains("***");
    }

    @Test
    void failsOnAMissingPasswordFile() {
        assertThatThrownBy(() -> loader.parseYaml("database: {password_file: /nonexistent/pw}\n"))
                .hasMessageContaining("'database.password_file'")
                .hasMessageContaining("/nonexistent/pw");
    }

    @Test
    void rejectsYamlThatIsNotAMapping() {
        assertThatThrownBy(() -> loader.parseYaml("- a\n- b\n")).hasMessageContaining("mapping");
        assertThatThrownBy(() -> loader.parseYaml("ports: [1, 2]\n")).hasMessageContaining("'ports'");
    }

    static Path sampleFile() {
        Path here = Path.of("").toAbsolutePath();
        Path sample = here.resolve("docs/ops/server.sample.yml");
        return Files.exists(sample) ? sample : here.resolveSibling("docs").resolve("ops/server.sample.yml");
    }
}
