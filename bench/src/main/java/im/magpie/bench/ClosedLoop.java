package im.magpie.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * S1: closed loop, window 1 per pair. The two devices of a pair play ping-pong: a device that finds the peer's message
 * (Magpie: by sync; XMPP: pushed) answers it at once, so each pair has exactly one message in flight. Measures delivered
 * msg/s and the server's CPU (with its database or helper processes) per delivered message.
 */
final class ClosedLoop {
    private final Bench bench;

    ClosedLoop(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Pair> pairs) throws BenchFailedException, InterruptedException {
        return run(pairs, "S1", "closed loop, window 1");
    }

    /** The same loop reported under another name (S6: against the durable configuration of a peer). */
    ScenarioResult run(List<Pair> pairs, String scenario, String title)
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
        long measureFrom = start + TimeUnit.SECONDS.toNanos(p.closedWarmupS());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(p.closedMeasureS());
        latency.window(measureFrom, measureTo);
        for (Pair pair : pairs) {
            send(pair.a(), errors);
        }
        Bench.sleepUntil(measureFrom);
        CpuAccounting.Snapshot a = bench.snapshot();
        Bench.sleepUntil(measureTo);
        CpuAccounting.Snapshot b = bench.snapshot();
        running.set(false);
        Thread.sleep(1000);
        Pair.sink(pairs, TextSink.NONE);

        CpuAccounting.Usage usage = bench.cpu.between(a, b);
        long delivered = latency.deliveredInWindow();
        ScenarioResult r = new ScenarioResult(scenario, title)
                .param("pairs", pairs.size())
                .param("warmup_s", p.closedWarmupS())
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
