package im.magpie.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * S4: N logged-in sessions that only send heartbeats. Reports the server's RSS growth per session (RSS after the
 * sessions are up and settled minus RSS before, divided by N) and the server's (JVM + PostgreSQL) CPU while idle, as a
 * percentage of one core, and how many sessions dropped. Also the growth of the server's live heap (used heap right
 * after a full GC requested through jcmd) per session, which does not depend on how far the heap had grown before.
 */
final class IdleSessions {
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** The live heap of a JVM server after a full GC, in KiB. */
    interface HeapProbe {
        long liveHeapKb() throws BenchFailedException, InterruptedException;
    }

    private final Bench bench;
    private final @Nullable HeapProbe heap;

    /** {@code heap}: null for a server that is not a JVM (its live-heap figures are left out). */
    IdleSessions(Bench bench, @Nullable HeapProbe heap) {
        this.bench = bench;
        this.heap = heap;
    }

    ScenarioResult run(List<? extends SimDevice> devices) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        Thread.sleep(2000);
        long heapBefore = heap == null ? 0 : heap.liveHeapKb();
        CpuAccounting.Snapshot before = bench.snapshot();
        Connector.connectAll(devices, true, p.loginParallel(), 600);
        Bench.sleepUntil(System.nanoTime() + SETTLE_NANOS);
        long heapAfter = heap == null ? 0 : heap.liveHeapKb();
        CpuAccounting.Snapshot idleFrom = bench.snapshot();
        Bench.sleepUntil(idleFrom.nanos() + TimeUnit.SECONDS.toNanos(p.idleSeconds()));
        CpuAccounting.Snapshot idleTo = bench.snapshot();
        long dropped = devices.stream().filter(d -> !d.isOpen()).count();
        SimDevice.disconnectAll(devices);

        CpuAccounting.Usage idle = bench.cpu.between(idleFrom, idleTo);
        long rssDelta = idleTo.serverRssKb() - before.serverRssKb();
        ScenarioResult r = new ScenarioResult("S4", "idle sessions")
                .param("sessions", devices.size())
                .param("idle_s", p.idleSeconds())
                .param("heartbeat_s", p.heartbeatSeconds())
                .param("server_rss_kb_before", before.serverRssKb())
                .param("server_rss_kb_after", idleTo.serverRssKb());
        if (heap != null) {
            r.param("server_live_heap_kb_before", heapBefore).param("server_live_heap_kb_after", heapAfter);
            r.liveHeapKbPerSession = Bench.round1((double) (heapAfter - heapBefore) / devices.size());
        }
        r.rssKbPerSession = Bench.round1((double) rssDelta / devices.size());
        r.idleCpuPercentOfCore = Bench.round2(100.0 * idle.serverAndDbUs() / (idle.seconds() * 1e6));
        r.lost = dropped;
        r.cpu(idle);
        return r;
    }
}
