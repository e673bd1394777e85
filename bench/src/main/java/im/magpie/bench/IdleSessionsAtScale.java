package im.magpie.bench;

import im.magpie.bench.sessions.SessionsWorker;
import im.magpie.bench.sessions.WorkerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * S4 at N = 10,000 and 19,000 (G1, G2, G6): N sessions held by several generator child processes
 * ({@link SessionsWorker}, at most {@code sessionsPerWorker} each, every one from its own source address 127.0.0.2,
 * 127.0.0.3, …, so neither the open-files limit of a process nor the ephemeral ports of one address run out), each
 * logged in with its password and then only heartbeating, on a server process started just before (so the RSS delta is
 * the sessions'). Reports RSS delta / N, live heap delta / N (after a full GC), the native memory of the server JVM by
 * category (NMT) per session, the server + PostgreSQL CPU over the hold window as a share of one core, and how many
 * sessions dropped during the hold ({@code lost}); logins that failed are {@code errors}.
 */
final class IdleSessionsAtScale {
    private static final long SETTLE_SECONDS = 10;
    private static final long SETUP_TIMEOUT_SECONDS = 3600;
    static final List<String> WORKER_JVM_OPTIONS = List.of("-Xmx640m", "-XX:+UseSerialGC");

    /** Where the workers connect and how they find their accounts. */
    record Gateway(String host, int port, String certificateSha256) {}

    private final Bench bench;
    private final ProcStat proc = new ProcStat(Path.of("/proc"));
    private final JvmProbe jvm;
    private final long serverPid;
    private final Gateway gateway;
    private final Path logDir;
    /** The live workers' pids: the CPU accounting counts them as the generator. */
    private final List<Long> workerPids;

    IdleSessionsAtScale(
            Bench bench, JvmProbe jvm, long serverPid, Gateway gateway, Path logDir, List<Long> workerPids) {
        this.bench = bench;
        this.jvm = jvm;
        this.serverPid = serverPid;
        this.gateway = gateway;
        this.logDir = logDir;
        this.workerPids = workerPids;
    }

    ScenarioResult run(int n, int holdSeconds) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        Thread.sleep(2000);
        long heapBefore = jvm.liveHeapKb(serverPid);
        Map<String, Long> nativeBefore = jvm.nativeMemoryKb(serverPid);
        CpuAccounting.Snapshot before = bench.snapshot();
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            int count = (n + p.sessionsPerWorker() - 1) / p.sessionsPerWorker();
            for (int w = 0; w < count; w++) {
                int first = n * w / count;
                int last = n * (w + 1) / count;
                workers.add(startWorker(w, first, last - first));
            }
            long loggedIn = 0;
            long failed = 0;
            long setupMillis = 0;
            long retries = 0;
            for (WorkerProcess w : workers) {
                WorkerProcess.Up up = w.awaitUp(SETUP_TIMEOUT_SECONDS);
                loggedIn += up.loggedIn();
                failed += up.failed();
                retries += up.retries();
                setupMillis = Math.max(setupMillis, up.millis());
                up.failures().forEach(f -> bench.log("worker %d: a session failed: %s", w.pid(), f));
            }
            CpuAccounting.Snapshot up = bench.snapshot();
            bench.log(
                    "%d of %d sessions logged in after %.1f s (%d failed); settling",
                    loggedIn, n, setupMillis / 1e3, failed);
            Bench.sleepUntil(up.nanos() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS));
            long heapAfter = jvm.liveHeapKb(serverPid);
            Map<String, Long> nativeAfter = jvm.nativeMemoryKb(serverPid);
            long pongsBefore = 0;
            for (WorkerProcess w : workers) {
                pongsBefore += w.count().pongs();
            }
            long switchesBefore = proc.contextSwitches(serverPid);
            CpuAccounting.Snapshot idleFrom = bench.snapshot();
            bench.log("holding %d sessions for %d s", loggedIn, holdSeconds);
            Bench.sleepUntil(idleFrom.nanos() + TimeUnit.SECONDS.toNanos(holdSeconds));
            CpuAccounting.Snapshot idleTo = bench.snapshot();
            long switches = proc.contextSwitches(serverPid) - switchesBefore;
            long open = 0;
            long closed = 0;
            long pings = 0;
            long pongsAfter = 0;
            for (WorkerProcess w : workers) {
                WorkerProcess.Count c = w.count();
                open += c.open();
                closed += c.closed();
                pings += c.pings();
                pongsAfter += c.pongs();
            }
            return result(n, holdSeconds, workers.size(), before, up, idleFrom, idleTo)
                    .withSetup(loggedIn, failed, retries, setupMillis)
                    .withMemory(heapBefore, heapAfter, nativeBefore, nativeAfter)
                    .withHeartbeats(pongsAfter - pongsBefore, switches)
                    .finish(open, closed, pings);
        } catch (IOException e) {
            throw new BenchFailedException("sessions worker failed: " + e.getMessage(), e);
        } finally {
            for (WorkerProcess w : workers) {
                w.stop();
                workerPids.remove(w.pid());
            }
        }
    }

    private WorkerProcess startWorker(int index, int first, int count) throws IOException {
        Params p = bench.params;
        List<String> args = List.of(
                "--host", gateway.host(),
                "--port", Integer.toString(gateway.port()),
                "--sha256", gateway.certificateSha256(),
                "--bind", sourceAddress(index),
                "--first", Integer.toString(first),
                "--count", Integer.toString(count),
                "--users", Integer.toString(p.users()),
                "--password", Bench.PASSWORD,
                "--parallel", Integer.toString(Math.max(1, p.loginParallel() / 2)));
        WorkerProcess w = WorkerProcess.start(
                Path.of(System.getProperty("java.home")),
                WORKER_JVM_OPTIONS,
                System.getProperty("java.class.path"),
                args,
                logDir.resolve("sessions-worker-" + index + ".log"));
        workerPids.add(w.pid());
        return w;
    }

    /** 127.0.0.2 for the first worker, 127.0.0.3 for the second, … (all of 127/8 is loopback on Linux). */
    static String sourceAddress(int worker) {
        if (worker < 0 || worker > 252) {
            throw new IllegalArgumentException("at most 253 workers");
        }
        return "127.0.0." + (worker + 2);
    }

    private Builder result(
            int n,
            int holdSeconds,
            int workers,
            CpuAccounting.Snapshot before,
            CpuAccounting.Snapshot up,
            CpuAccounting.Snapshot idleFrom,
            CpuAccounting.Snapshot idleTo) {
        return new Builder(n, holdSeconds, workers, before, up, idleFrom, idleTo);
    }

    /** Puts the figures together. */
    private final class Builder {
        private final ScenarioResult r;
        private final int n;
        private final CpuAccounting.Snapshot before;
        private final CpuAccounting.Snapshot idleTo;
        private final CpuAccounting.Usage idle;
        private long loggedIn;

        Builder(
                int n,
                int holdSeconds,
                int workers,
                CpuAccounting.Snapshot before,
                CpuAccounting.Snapshot up,
                CpuAccounting.Snapshot idleFrom,
                CpuAccounting.Snapshot idleTo) {
            this.n = n;
            this.before = before;
            this.idleTo = idleTo;
            Params p = bench.params;
            this.r = new ScenarioResult("S4", "idle sessions, N = " + n)
                    .param("run", "sessions")
                    .param("sessions", n)
                    .param("workers", workers)
                    .param("hold_s", holdSeconds)
                    .param("heartbeat_s", p.heartbeatSeconds());
            CpuAccounting.Usage setup = bench.cpu.between(before, up);
            r.param("setup_server_db_cpu_us_per_login", Bench.round1((double) setup.serverAndDbUs() / n))
                    .param("setup_generator_cpu_us_per_login", Bench.round1((double) setup.generatorUs() / n));
            CpuAccounting.Usage idle = bench.cpu.between(idleFrom, idleTo);
            r.idleCpuPercentOfCore = Bench.round2(100.0 * idle.serverAndDbUs() / (idle.seconds() * 1e6));
            r.param("idle_server_cpu_percent_of_core", Bench.round2(100.0 * idle.serverUs() / (idle.seconds() * 1e6)))
                    .param(
                            "idle_db_cpu_percent_of_core",
                            Bench.round2(100.0 * idle.postgresUs() / (idle.seconds() * 1e6)))
                    .param(
                            "idle_generator_cpu_percent_of_core",
                            Bench.round2(100.0 * idle.generatorUs() / (idle.seconds() * 1e6)));
            r.cpu(idle);
            this.idle = idle;
        }

        /**
         * What one heartbeat cost during the hold: the server JVM's and the generator's CPU over the window divided by
         * the Pongs the workers received in it (a figure that stays meaningful on a busy machine, unlike a share of a
         * core, and that includes the server's idle floor: timers, GC, JIT), and the server threads' context switches
         * per Pong (about one per wake-up of an event loop).
         */
        Builder withHeartbeats(long pongs, long serverContextSwitches) {
            r.param("pongs_in_hold", pongs).param("pings_per_s", Bench.round1(pongs / idle.seconds()));
            if (pongs > 0) {
                r.param("server_cpu_us_per_ping", Bench.round1((double) idle.serverUs() / pongs))
                        .param("server_context_switches_per_ping", Bench.round2((double) serverContextSwitches / pongs))
                        .param("generator_cpu_us_per_ping", Bench.round1((double) idle.generatorUs() / pongs));
            }
            return this;
        }

        Builder withSetup(long loggedIn, long failed, long retries, long setupMillis) {
            this.loggedIn = loggedIn;
            r.errors = failed;
            r.param("logged_in", loggedIn)
                    .param("setup_retries", retries)
                    .param("setup_s", Bench.round1(setupMillis / 1e3));
            r.loginsPerS = Bench.perSecond(loggedIn, setupMillis / 1e3);
            return this;
        }

        Builder withMemory(
                long heapBefore, long heapAfter, Map<String, Long> nativeBefore, Map<String, Long> nativeAfter) {
            r.param("server_rss_kb_before", before.serverRssKb())
                    .param("server_rss_kb_after", idleTo.serverRssKb())
                    .param("server_live_heap_kb_before", heapBefore)
                    .param("server_live_heap_kb_after", heapAfter);
            r.rssKbPerSession = Bench.round1((double) (idleTo.serverRssKb() - before.serverRssKb()) / n);
            r.liveHeapKbPerSession = Bench.round1((double) (heapAfter - heapBefore) / n);
            Map<String, Double> perSession = new LinkedHashMap<>();
            nativeAfter.forEach((category, kb) -> {
                double delta = (double) (kb - nativeBefore.getOrDefault(category, 0L)) / n;
                if (Math.abs(delta) >= 0.05) {
                    perSession.put(category, Bench.round2(delta));
                }
            });
            r.param("nmt_committed_kb_per_session", perSession);
            return this;
        }

        ScenarioResult finish(long open, long closed, long pings) {
            r.lost = Math.max(0, loggedIn - open);
            r.param("open_at_end", open).param("closed_during_run", closed).param("pings_sent", pings);
            return r;
        }
    }
}
