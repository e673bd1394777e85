package im.magpie.server;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.server.config.PortsConfig;
import im.magpie.server.config.ServerConfig;
import im.magpie.server.store.postgres.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerComponentsTest {
    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseKeepsOffTheServersOwnListenerPorts() {
        ServerConfig config =
                ServerConfig.defaults().withDataDir(dataDir).withPorts(new PortsConfig(41001, 41002, 41003, 41004));

        DatabaseSettings database = ServerComponents.settings(config).database();

        assertThat(database)
                .isInstanceOfSatisfying(
                        DatabaseSettings.Embedded.class,
                        embedded -> assertThat(embedded.avoidPorts())
                                .as("a free port chosen for PostgreSQL before the listeners bind must not be theirs")
                                .containsExactlyInAnyOrder(41001, 41002, 41003, 41004));
    }
}
