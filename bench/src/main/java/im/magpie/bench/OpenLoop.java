package im.magpie.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * S2: open loop at a fixed rate. Message k is due at {@code start + k/rate}; latency counts from that intended moment
 * (so a stalled sender cannot hide queueing: no coordinated omission) to the moment the receiving device holds the
 * message (Magpie: after its sync). Senders are the first device of each pair, round robin. The ack latency is until
 * the server's reply (Magpie, after commit) or until the message is written to the socket (XMPP, which has no ack).
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
        long syncErrorsBefore = SimDevice.receiveErrors(Pair.devices(pairs));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        Pair.sink(pairs, (receiver, text, now) -> {
            long sent = Bodies.sendNanos(text);
            if (sent >= start) { // not a late reply of an earlier scenario
                latency.delivered(sent, now);
            }
        });
        long measureFrom = start + TimeUnit.SECONDS.toNanos(p.openWarmupS());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(p.openMeasureS());
        latency.window(measureFrom, measureTo);
        ack.window(measureFrom, measureTo);
        Bench.sleepUntil(start);
        Offered offered = offer(pairs, rate, new long[] {start, measureFrom, measureTo}, ack, errors);
        long sent = offered.sent();
        CpuAccounting.Snapshot a = offered.measureFrom();
        CpuAccounting.Snapshot b = bench.snapshot();
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while (latency.deliveredTotal() + errors.count() < sent && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        Pair.sink(pairs, TextSink.NONE);
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
        r.errors += SimDevice.receiveErrors(Pair.devices(pairs)) - syncErrorsBefore;
        r.lost = Math.max(0, sent - errors.count() - latency.deliveredTotal());
        r.cpu(usage);
        return r;
    }

    private record Offered(long sent, CpuAccounting.Snapshot measureFrom) {}

    /**
     * Sends message k at {@code start + k/rate} until {@code measureTo}; takes the CPU snapshot when the measurement
     * window opens. {@code times} = start, measureFrom, measureTo (nanoTime).
     */
    private Offered offer(List<Pair> pairs, int rate, long[] times, LatencyRecorder ack, Errors errors)
            throws BenchFailedException {
        long start = times[0];
        long sent = 0;
        CpuAccounting.Snapshot from = null;
        long now;
        while ((now = System.nanoTime()) < times[2]) {
            if (from == null && now >= times[1]) {
                from = bench.snapshot();
            }
            long due = (long) ((now - start) / 1e9 * rate);
            for (; sent <= due; sent++) {
                long intended = start + (long) (sent * 1e9 / rate);
                send(pairs.get((int) (sent % pairs.size())), intended, ack, errors);
            }
            LockSupport.parkNanos(200_000);
        }
        if (from == null) {
            throw new BenchFailedException("open loop never reached its measurement window");
        }
        return new Offered(sent, from);
    }

    private void send(Pair pair, long intended, LatencyRecorder ack, Errors errors) {
        CompletableFuture<?> unused = pair.a()
                .sendToPartner(bench.bodies.text(intended))
                .whenComplete((ok, err) -> {
                    if (err != null) {
                        errors.add(err);
                    } else {
                        ack.delivered(intended, System.nanoTime());
                    }
                });
    }
}
