package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
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
    void parsesTheNativeMemorySummaryByCategory() throws Exception {
        String out = """
                4275:

                Native Memory Tracking:

                (Omitting categories weighting less than 1KB)

                Total: reserved=1683112KB, committed=228736KB
                       malloc: 21004KB #171433
                       mmap:   reserved=1662108KB, committed=207732KB

                -                 Java Heap (reserved=1048576KB, committed=131072KB)
                                            (mmap: reserved=1048576KB, committed=131072KB)

                -                    Thread (reserved=33875KB, committed=3247KB)
                                            (thread #33)

                -                     Other (reserved=9410KB, committed=9410KB)
                                            (malloc=9410KB #128)
                """;
        assertThat(JvmProbe.parseNativeMemory(out))
                .containsExactly(
                        Map.entry("Total", 228736L),
                        Map.entry("Java Heap", 131072L),
                        Map.entry("Thread", 3247L),
                        Map.entry("Other", 9410L));
        assertThatThrownBy(() -> JvmProbe.parseNativeMemory("4275:\nNative memory tracking is not enabled\n"))
                .isInstanceOf(BenchFailedException.class);
    }

    @Test
    void asksThisVeryJvm() throws Exception {
        long used = new JvmProbe(Path.of(System.getProperty("java.home")))
                .liveHeapKb(ProcessHandle.current().pid());
        assertThat(used).isPositive();
    }
}
