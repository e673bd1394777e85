package im.magpie.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every record component of the configuration tree has a row in docs/ops/configuration.md. */
class ConfigurationDocTest {
    @Test
    void documentsEveryConfigurationKey() throws IOException {
        Path doc = ConfigLoaderTest.sampleFile().resolveSibling("configuration.md");
        String text = Files.readString(doc);
        List<String> keys = new ArrayList<>();
        collect(ServerConfig.class, "", keys);

        assertThat(keys).hasSizeGreaterThan(15);
        assertThat(keys).allSatisfy(key -> assertThat(text).contains("| `" + key + "` |"));
    }

    private static void collect(Class<?> type, String prefix, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + snake(component.getName());
            if (component.getType().isRecord()) {
                collect(component.getType(), key + ".", keys);
            } else if (component.getType() == Secret.class) {
                keys.add(key + "_file");
            } else {
                keys.add(key);
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
