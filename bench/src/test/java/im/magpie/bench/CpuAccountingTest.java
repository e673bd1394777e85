package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountingTest {
    private final CpuAccounting accounting = new CpuAccounting(new ProcStat(Path.of("/proc")), 1, 2, "/d", 100, 2);

    @Test
    void othersAreMachineBusyMinusOurProcessesAndFlagNoise() {
        CpuAccounting.Snapshot a = new CpuAccounting.Snapshot(
                0, 100, Map.of(10L, 50L), 30, new ProcStat.MachineTicks(1000, 5000), 400_000);
        // 2 s on 2 cores = 400 ticks; server 100, postgres 20 (+5 from a new process), generator 30, others 100.
        CpuAccounting.Snapshot b = new CpuAccounting.Snapshot(
                2_000_000_000L, 200, Map.of(10L, 70L, 11L, 5L), 60, new ProcStat.MachineTicks(1255, 5400), 401_000);
        CpuAccounting.Usage u = accounting.between(a, b);
        assertThat(u.seconds()).isEqualTo(2.0);
        assertThat(u.serverUs()).isEqualTo(1_000_000);
        assertThat(u.postgresUs()).isEqualTo(250_000);
        assertThat(u.generatorUs()).isEqualTo(300_000);
        assertThat(u.othersUs()).isEqualTo(1_000_000);
        assertThat(u.othersShare()).isEqualTo(0.25);
        assertThat(u.noisy()).isTrue();
        assertThat(u.serverRssDeltaKb()).isEqualTo(1000);
        assertThat(u.postgresProcesses()).isEqualTo(2);
    }

    @Test
    void aQuietWindowIsNotNoisy() {
        CpuAccounting.Snapshot a = new CpuAccounting.Snapshot(0, 0, Map.of(), 0, new ProcStat.MachineTicks(0, 0), 0);
        CpuAccounting.Snapshot b =
                new CpuAccounting.Snapshot(1_000_000_000L, 50, Map.of(), 10, new ProcStat.MachineTicks(70, 200), 0);
        assertThat(accounting.between(a, b).noisy()).isFalse();
        assertThat(accounting.between(a, b).othersShare()).isEqualTo(0.05);
    }
}
