package im.magpie.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S4: N logged-in sessions that only send heartbeats. Reports the server's RSS growth per session (RSS after the
 * sessions are up and settled minus RSS before, divided by N) and the server's (JVM + PostgreSQL) CPU while idle, as a
 * percentage of one core, and how many sessions dropped. Also the growth of the server's live heap (used heap right
 * after a full GC requested through jcmd) per session, which does not depend on how far the heap had grown before.
 */
final class IdleSessions {
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Bench bench;

    IdleSessions(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Device> devices) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        Thread.sleep(2000);
        long heapBefore = bench.jvm.liveHeapKb(bench.serverPid);
        CpuAccounting.Snapshot before = bench.snapshot();
        Connector.connectAll(devices, true, p.loginParallel(), 600);
        Bench.sleepUntil(System.nanoTime() + SETTLE_NANOS);
        long heapAfter = bench.jvm.liveHeapKb(bench.serverPid);
        CpuAccounting.Snapshot idleFrom = bench.snapshot();
        Bench.sleepUntil(idleFrom.nanos() + TimeUnit.SECONDS.toNanos(p.idleSeconds()));
        CpuAccounting.Snapshot idleTo = bench.snapshot();
        long dropped = devices.stream().filter(d -> !d.isOpen()).count();
        LoginBurst.disconnectAll(devices);

        CpuAccounting.Usage idle = bench.cpu.between(idleFrom, idleTo);
        long rssDelta = idleTo.serverRssKb() - before.serverRssKb();
        ScenarioResult r = new ScenarioResult("S4", "idle sessions")
                .param("sessions", devices.size())
                .param("idle_s", p.idleSeconds())
                .param("heartbeat_s", p.heartbeatSeconds())
                .param("server_rss_kb_before", before.serverRssKb())
                .param("server_rss_kb_after", idleTo.serverRssKb())
                .param("server_live_heap_kb_before", heapBefore)
                .param("server_live_heap_kb_after", heapAfter);
        r.liveHeapKbPerSession = Bench.round1((double) (heapAfter - heapBefore) / devices.size());
        r.rssKbPerSession = Bench.round1((double) rssDelta / devices.size());
        r.idleCpuPercentOfCore = Bench.round2(100.0 * idle.serverAndDbUs() / (idle.seconds() * 1e6));
        r.lost = dropped;
        r.cpu(idle);
        return r;
    }
}
