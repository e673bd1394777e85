package im.magpie.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU accounting of one measured window: the server process, its helper processes (Magpie: the embedded PostgreSQL,
 * found by the data directory in its command line; ejabberd: every descendant of beam.smp), the generator itself, and
 * everything else on the machine (from /proc/stat). The helpers' figures keep the name {@code postgres} in the result
 * files.
 */
final class CpuAccounting {
    /** Finds the server's helper processes at the moment of a snapshot. */
    interface Helpers {
        List<Long> pids() throws IOException;
    }

    /** A window is noisy when other processes used more than this share of the whole machine. */
    static final double NOISY_SHARE = 0.20;

    private final ProcStat proc;
    private final long serverPid;
    private final long selfPid;
    private final Helpers helpers;
    private final Helpers workers;
    private final long ticksPerSecond;
    private final int cores;

    /** Accounting of a Magpie server whose embedded PostgreSQL runs on {@code dataDir}. */
    CpuAccounting(ProcStat proc, long serverPid, long selfPid, String dataDir, long ticksPerSecond, int cores) {
        this(proc, serverPid, selfPid, () -> proc.postgresPids(dataDir), ticksPerSecond, cores);
    }

    CpuAccounting(ProcStat proc, long serverPid, long selfPid, Helpers helpers, long ticksPerSecond, int cores) {
        this(proc, serverPid, selfPid, helpers, List::of, ticksPerSecond, cores);
    }

    private CpuAccounting(
            ProcStat proc,
            long serverPid,
            long selfPid,
            Helpers helpers,
            Helpers workers,
            long ticksPerSecond,
            int cores) {
        this.workers = workers;
        this.proc = proc;
        this.serverPid = serverPid;
        this.selfPid = selfPid;
        this.helpers = helpers;
        this.ticksPerSecond = ticksPerSecond;
        this.cores = cores;
    }

    /**
     * The same accounting, with the generator's child processes ({@code workers}, e.g. the sessions workers of S4 at
     * scale) counted as the generator. They must live through every window measured.
     */
    CpuAccounting withGenerators(Helpers workers) {
        return new CpuAccounting(proc, serverPid, selfPid, helpers, workers, ticksPerSecond, cores);
    }

    Snapshot snapshot() throws IOException {
        long generator = proc.processTicks(selfPid);
        for (long pid : workers.pids()) {
            generator += proc.processTicks(pid);
        }
        Map<Long, Long> pg = new HashMap<>();
        for (long pid : helpers.pids()) {
            pg.put(pid, proc.processTicks(pid));
        }
        return new Snapshot(
                System.nanoTime(),
                proc.processTicks(serverPid),
                pg,
                generator,
                proc.machineTicks(),
                proc.rssKb(serverPid));
    }

    /** The CPU used between two snapshots. PostgreSQL processes that started in between count from zero. */
    Usage between(Snapshot a, Snapshot b) {
        long pgTicks = 0;
        for (Map.Entry<Long, Long> e : b.postgres().entrySet()) {
            pgTicks += e.getValue() - a.postgres().getOrDefault(e.getKey(), 0L);
        }
        long server = b.server() - a.server();
        long generator = b.generator() - a.generator();
        long busy = b.machine().busy() - a.machine().busy();
        long total = Math.max(1, b.machine().total() - a.machine().total());
        long others = Math.max(0, busy - server - pgTicks - generator);
        double othersShare = (double) others / total;
        return new Usage(
                (b.nanos() - a.nanos()) / 1e9,
                micros(server),
                micros(pgTicks),
                micros(generator),
                micros(others),
                othersShare,
                othersShare > NOISY_SHARE,
                b.serverRssKb() - a.serverRssKb(),
                b.postgres().size(),
                cores);
    }

    long micros(long ticks) {
        return ticks * 1_000_000L / ticksPerSecond;
    }

    /** Counters at one moment. */
    record Snapshot(
            long nanos,
            long server,
            Map<Long, Long> postgres,
            long generator,
            ProcStat.MachineTicks machine,
            long serverRssKb) {}

    /** CPU in microseconds over a window of {@code seconds}; {@code othersShare} is of the whole machine. */
    record Usage(
            double seconds,
            long serverUs,
            long postgresUs,
            long generatorUs,
            long othersUs,
            double othersShare,
            boolean noisy,
            long serverRssDeltaKb,
            int postgresProcesses,
            int cores) {
        long serverAndDbUs() {
            return serverUs + postgresUs;
        }
    }
}
