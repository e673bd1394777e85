package im.magpie.bench;

import im.magpie.protocol.v1.LogEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * S1: closed loop, window 1 per pair. The two devices of a pair play ping-pong: a device that finds the peer's message
 * by sync answers it at once, so each pair has exactly one message in flight. Measures delivered msg/s and the server's
 * (JVM + PostgreSQL) CPU per delivered message.
 */
final class ClosedLoop {
    private final Bench bench;

    ClosedLoop(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Pair> pairs) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        LatencyRecorder latency = new LatencyRecorder();
        AtomicBoolean running = new AtomicBoolean(true);
        Errors errors = new Errors();
        long syncErrorsBefore = Device.syncErrors(Pair.devices(pairs));
        Pair.sink(pairs, (receiver, entry, now) -> {
            long sent = sendNanos(entry);
            if (sent < 0) {
                return;
            }
            latency.delivered(sent, now);
            if (running.get()) {
                send(receiver, entry.getConversationId(), errors);
            }
        });
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(p.closedWarmupS());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(p.closedMeasureS());
        latency.window(measureFrom, measureTo);
        for (Pair pair : pairs) {
            send(pair.a(), pair.conversationId(), errors);
        }
        Bench.sleepUntil(measureFrom);
        CpuAccounting.Snapshot a = bench.snapshot();
        Bench.sleepUntil(measureTo);
        CpuAccounting.Snapshot b = bench.snapshot();
        running.set(false);
        Thread.sleep(1000);
        Pair.sink(pairs, MessageSink.NONE);

        CpuAccounting.Usage usage = bench.cpu.between(a, b);
        long delivered = latency.deliveredInWindow();
        ScenarioResult r = new ScenarioResult("S1", "closed loop, window 1")
                .param("pairs", pairs.size())
                .param("warmup_s", p.closedWarmupS())
                .param("measure_s", p.closedMeasureS());
        r.messages = delivered;
        r.msgsPerS = Bench.perSecond(delivered, usage.seconds());
        r.latencyMs = Latency.of(latency.histogram());
        r.serverCpuUsPerMsg = perMessage(usage.serverUs(), delivered);
        r.serverDbCpuUsPerMsg = perMessage(usage.serverAndDbUs(), delivered);
        errors.into(r);
        r.errors += Device.syncErrors(Pair.devices(pairs)) - syncErrorsBefore;
        r.cpu(usage);
        return r;
    }

    private void send(Device from, long conversationId, Errors errors) {
        CompletableFuture<?> unused = from.send(conversationId, bench.bodies.text(System.nanoTime()))
                .exceptionally(err -> {
                    errors.add(err);
                    return null;
                });
    }

    static long sendNanos(LogEntry entry) {
        return Bodies.sendNanos(entry.getMessage().getBody().getText().getText());
    }

    static double perMessage(long micros, long messages) {
        return messages == 0 ? 0 : Bench.round1((double) micros / messages);
    }
}
