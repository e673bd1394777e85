package im.magpie.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * S2: open loop at a fixed rate. Message k is due at {@code start + k/rate}; latency counts from that intended moment
 * (so a stalled sender cannot hide queueing: no coordinated omission) to the moment the receiving device holds the
 * message after its sync. Senders are the first device of each pair, round robin.
 */
final class OpenLoop {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final Bench bench;

    OpenLoop(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Pair> pairs, int rate) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder ack = new LatencyRecorder();
        Errors errors = new Errors();
        long syncErrorsBefore = Device.syncErrors(Pair.devices(pairs));
        Pair.sink(pairs, (receiver, entry, now) -> {
            long sent = ClosedLoop.sendNanos(entry);
            if (sent >= 0) {
                latency.delivered(sent, now);
            }
        });
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(p.openWarmupS());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(p.openMeasureS());
        latency.window(measureFrom, measureTo);
        ack.window(measureFrom, measureTo);
        Bench.sleepUntil(start);
        long sent = 0;
        CpuAccounting.Snapshot a = null;
        long now;
        while ((now = System.nanoTime()) < measureTo) {
            if (a == null && now >= measureFrom) {
                a = bench.snapshot();
            }
            long due = (long) ((now - start) / 1e9 * rate);
            for (; sent <= due; sent++) {
                long intended = start + (long) (sent * 1e9 / rate);
                Pair pair = pairs.get((int) (sent % pairs.size()));
                send(pair, intended, ack, errors);
            }
            LockSupport.parkNanos(200_000);
        }
        CpuAccounting.Snapshot b = bench.snapshot();
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while (latency.deliveredTotal() + errors.count() < sent && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        Pair.sink(pairs, MessageSink.NONE);
        if (a == null) {
            throw new BenchFailedException("open loop never reached its measurement window");
        }
        CpuAccounting.Usage usage = bench.cpu.between(a, b);
        long delivered = latency.deliveredInWindow();
        ScenarioResult r = new ScenarioResult("S2", "open loop " + rate + " msg/s")
                .param("rate", rate)
                .param("pairs", pairs.size())
                .param("warmup_s", p.openWarmupS())
                .param("measure_s", p.openMeasureS())
                .param("sent", sent);
        r.messages = delivered;
        r.msgsPerS = Bench.perSecond(delivered, usage.seconds());
        r.latencyMs = Latency.of(latency.histogram());
        r.ackLatencyMs = Latency.of(ack.histogram());
        r.serverCpuUsPerMsg = ClosedLoop.perMessage(usage.serverUs(), delivered);
        r.serverDbCpuUsPerMsg = ClosedLoop.perMessage(usage.serverAndDbUs(), delivered);
        errors.into(r);
        r.errors += Device.syncErrors(Pair.devices(pairs)) - syncErrorsBefore;
        r.lost = Math.max(0, sent - errors.count() - latency.deliveredTotal());
        r.cpu(usage);
        return r;
    }

    private void send(Pair pair, long intended, LatencyRecorder ack, Errors errors) {
        CompletableFuture<?> unused = pair.a()
                .send(pair.conversationId(), bench.bodies.text(intended))
                .whenComplete((ok, err) -> {
                    if (err != null) {
                        errors.add(err);
                    } else {
                        ack.delivered(intended, System.nanoTime());
                    }
                });
    }
}
