package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmProbeTest {
    @Test
    void parsesTheUsedHeapOfG1() throws Exception {
        String out = """
                4275:
                 garbage-first heap   total 478208K, used 147863K [0x00000000c0000000, 0x0000000100000000)
                 Metaspace       used 41061K, committed 41600K, reserved 1114112K
                """;
        assertThat(JvmProbe.parseUsedKb(out)).isEqualTo(147863);
    }

    @Test
    void rejectsOutputWithoutAHeapLine() {
        assertThatThrownBy(() -> JvmProbe.parseUsedKb("4275:\nCommand executed successfully\n"))
                .isInstanceOf(BenchFailedException.class);
    }

    @Test
    void asksThisVeryJvm() throws Exception {
        long used = new JvmProbe(Path.of(System.getProperty("java.home")))
                .liveHeapKb(ProcessHandle.current().pid());
        assertThat(used).isPositive();
    }
}
