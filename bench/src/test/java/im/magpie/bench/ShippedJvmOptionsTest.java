package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedJvmOptionsTest {
    @Test
    void readsOptionsAndSkipsCommentsAndBlankLines() {
        assertThat(ShippedJvmOptions.parse("# heap\n-Xmx1g   # the cap\n\n  -XX:+UseG1GC -XX:MaxNewSize=64m\r\n"))
                .containsExactly("-Xmx1g", "-XX:+UseG1GC", "-XX:MaxNewSize=64m");
        assertThatThrownBy(() -> ShippedJvmOptions.parse("-Dx=\"a b\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraOptionsComeAfterTheShippedOnes() {
        assertThat(ShippedJvmOptions.with(List.of("-Xmx1g"), "", " -Xmx256m  -Dy=1 "))
                .containsExactly("-Xmx1g", "-Xmx256m", "-Dy=1");
    }

    /** The bench starts its server with the jar's copy: it must be the file bin/magpie-server uses. */
    @Test
    void theServerJarCarriesTheShippedFile() throws Exception {
        String file = Files.readString(Path.of("..", "server", "jvm.options"), StandardCharsets.UTF_8);
        assertThat(ShippedJvmOptions.load()).isEqualTo(ShippedJvmOptions.parse(file));
        assertThat(ShippedJvmOptions.load()).anyMatch(o -> o.startsWith("-Xmx"));
    }
}
