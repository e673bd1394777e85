package im.magpie.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * S1: closed loop, window 1 per pair. The two devices of a pair play ping-pong: a device that finds the peer's message
 * (Magpie: by sync; XMPP: pushed) answers it at once, so each pair has exactly one message in flight. Measures delivered
 * msg/s and the server's CPU (with its database or helper processes) per delivered message. The measurement window
 * of S1 starts after the warm-up: at least {@code closedWarmupS} seconds and {@code closedWarmupMessages} delivered
 * messages, at most {@code closedWarmupMaxS} seconds. S6 (a peer's durable configuration, bound by its disk rather
 * than by warming up) warms up for {@code closedWarmupS} seconds.
 */
final class ClosedLoop {
    private final Bench bench;

    ClosedLoop(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Pair> pairs) throws BenchFailedException, InterruptedException {
        return run(pairs, "S1", "closed loop, window 1", bench.params.closedWarmupMessages());
    }

    /** The same loop as S6, against the durable configuration of a peer: a warm-up of {@code closedWarmupS}. */
    ScenarioResult runDurable(List<Pair> pairs, String title) throws BenchFailedException, InterruptedException {
        return run(pairs, "S6", title, 0);
    }

    private ScenarioResult run(List<Pair> pairs, String scenario, String title, long warmupMessages)
            throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        LatencyRecorder latency = new LatencyRecorder();
        AtomicBoolean running = new AtomicBoolean(true);
        Errors errors = new Errors();
        long syncErrorsBefore = SimDevice.receiveErrors(Pair.devices(pairs));
        Pair.sink(pairs, (receiver, text, now) -> {
            long sent = Bodies.sendNanos(text);
            if (sent < 0) {
                return;
            }
            latency.delivered(sent, now);
            if (running.get()) {
                send(receiver, errors);
            }
        });
        long start = System.nanoTime();
        for (Pair pair : pairs) {
            send(pair.a(), errors);
        }
        long measureFrom = warmUp(latency, start, warmupMessages);
        long warmedWith = latency.deliveredTotal();
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(p.closedMeasureS());
        latency.window(measureFrom, measureTo);
        CpuAccounting.Snapshot a = bench.snapshot();
        bench.log("%s warm-up: %d messages delivered in %.1f s", scenario, warmedWith, (measureFrom - start) / 1e9);
        Bench.sleepUntil(measureTo);
        CpuAccounting.Snapshot b = bench.snapshot();
        running.set(false);
        Thread.sleep(1000);
        Pair.sink(pairs, TextSink.NONE);

        CpuAccounting.Usage usage = bench.cpu.between(a, b);
        long delivered = latency.deliveredInWindow();
        ScenarioResult r = new ScenarioResult(scenario, title)
                .param("pairs", pairs.size())
                .param("warmup_s", Bench.round1((measureFrom - start) / 1e9))
                .param("warmup_messages", warmedWith)
                .param("measure_s", p.closedMeasureS());
        r.messages = delivered;
        r.msgsPerS = Bench.perSecond(delivered, usage.seconds());
        r.latencyMs = Latency.of(latency.histogram());
        r.serverCpuUsPerMsg = perMessage(usage.serverUs(), delivered);
        r.serverDbCpuUsPerMsg = perMessage(usage.serverAndDbUs(), delivered);
        errors.into(r);
        r.errors += SimDevice.receiveErrors(Pair.devices(pairs)) - syncErrorsBefore;
        r.cpu(usage);
        return r;
    }

    /**
     * Waits out the warm-up (nothing is recorded yet: the window is unset): {@code closedWarmupS}, then on until
     * {@code messages} were delivered or {@code closedWarmupMaxS} have passed. Returns when the window starts.
     */
    private long warmUp(LatencyRecorder latency, long start, long messages) throws InterruptedException {
        Params p = bench.params;
        Bench.sleepUntil(start + TimeUnit.SECONDS.toNanos(p.closedWarmupS()));
        long cap = start + TimeUnit.SECONDS.toNanos(p.closedWarmupMaxS());
        while (latency.deliveredTotal() < messages && System.nanoTime() < cap) {
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    private void send(SimDevice from, Errors errors) {
        CompletableFuture<?> unused = from.sendToPartner(bench.bodies.text(System.nanoTime()))
                .exceptionally(err -> {
                    errors.add(err);
                    return null;
                });
    }

    static double perMessage(long micros, long messages) {
        return messages == 0 ? 0 : Bench.round1((double) micros / messages);
    }
}
