package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S7: one group with every user of the pool as a member, some of them online. One member sends messages at a low fixed
 * rate; every other online member gets a notification, syncs and finds the message. Reports the notification latency
 * (send → notification frame at a receiver) and the delivery latency (send → message in hand) over all receivers.
 */
final class FanOut {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Bench bench;

    FanOut(Bench bench) {
        this.bench = bench;
    }

    ScenarioResult run(List<Device> online) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        List<String> members = new ArrayList<>();
        for (int i = 1; i < p.users(); i++) {
            members.add(Bench.account(i));
        }
        long group = bench.admin.createGroup(Bench.account(0), "fan-out", members);
        Connector.connectAll(online, true, p.loginParallel(), 600);
        Device sender = online.get(0);
        LatencyRecorder delivery = new LatencyRecorder();
        LatencyRecorder notified = new LatencyRecorder();
        AtomicLong lastSend = new AtomicLong(System.nanoTime());
        MessageSink sink = new MessageSink() {
            @Override
            public void onMessage(Device receiver, im.magpie.protocol.v1.LogEntry entry, long now) {
                long sent = ClosedLoop.sendNanos(entry);
                if (sent >= 0) {
                    delivery.delivered(sent, now);
                }
            }

            @Override
            public void onNotification(Device receiver, long now) {
                if (receiver != sender) {
                    notified.delivered(lastSend.get(), now);
                }
            }
        };
        online.forEach(d -> d.sink(sink));
        Thread.sleep(1000);
        long syncErrorsBefore = Device.syncErrors(online);
        long start = System.nanoTime();
        delivery.window(start, Long.MAX_VALUE);
        notified.window(start, Long.MAX_VALUE);
        CpuAccounting.Snapshot a = bench.snapshot();
        Errors errors = new Errors();
        AtomicLong acked = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / p.fanOutRate();
        for (int i = 0; i < p.fanOutMessages(); i++) {
            long due = start + i * periodNanos;
            Bench.sleepUntil(due);
            lastSend.set(due);
            CompletableFuture<?> unused = sender.send(group, bench.bodies.text(due))
                    .whenComplete((ok, err) -> {
                        if (err != null) {
                            errors.add(err);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
        }
        long expected = (long) p.fanOutMessages() * (online.size() - 1);
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while ((delivery.deliveredTotal() < expected - errors.count() * (online.size() - 1)
                        || acked.get() + errors.count() < p.fanOutMessages())
                && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        CpuAccounting.Snapshot b = bench.snapshot();
        online.forEach(d -> d.sink(MessageSink.NONE));
        LoginBurst.disconnectAll(online);

        CpuAccounting.Usage usage = bench.cpu.between(a, b);
        ScenarioResult r = new ScenarioResult("S7", "group fan-out")
                .param("members", p.users())
                .param("online", online.size())
                .param("messages_sent", p.fanOutMessages())
                .param("rate", p.fanOutRate())
                .param("deliveries_expected", expected);
        r.messages = delivery.deliveredTotal();
        r.latencyMs = Latency.of(delivery.histogram());
        r.notificationLatencyMs = Latency.of(notified.histogram());
        r.serverDbCpuUsPerMsg = ClosedLoop.perMessage(usage.serverAndDbUs(), p.fanOutMessages());
        errors.into(r);
        r.errors += Device.syncErrors(online) - syncErrorsBefore;
        r.lost = Math.max(0, expected - delivery.deliveredTotal());
        r.cpu(usage);
        return r;
    }
}
