package im.magpie.bench;

import im.magpie.protocol.v1.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S7: one group with every user of the pool as a member, some of them online. One member sends messages at a low fixed
 * rate; every other online member gets a notification, syncs and finds the message. Reports the notification latency
 * (send → notification frame at a receiver) and the delivery latency (send → message in hand) over all receivers.
 * The online devices sync their users' earlier history before the first message, so it is not part of the figures.
 */
final class FanOut {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Bench bench;
    private final AdminApi admin;
    private final LatencyRecorder delivery = new LatencyRecorder();
    private final LatencyRecorder notified = new LatencyRecorder();
    private final AtomicLong lastSend = new AtomicLong(System.nanoTime());
    private final AtomicLong acked = new AtomicLong();
    private final Errors errors = new Errors();

    FanOut(Bench bench, AdminApi admin) {
        this.bench = bench;
        this.admin = admin;
    }

    ScenarioResult run(List<Device> online) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        long group = createGroup();
        Connector.forAll(online, d -> d.connect(true), p.loginParallel(), 600);
        // Catch up first: these devices are new and their users have history from the earlier scenarios.
        online.forEach(Device::requestSync);
        Device.awaitSyncsIdle(online, TimeUnit.MINUTES.toMillis(5));
        Device sender = online.get(0);
        MessageSink sink = sink(sender, group);
        online.forEach(d -> d.sink(sink));
        Thread.sleep(1000);
        long syncErrorsBefore = Device.syncErrors(online);
        long start = System.nanoTime();
        delivery.window(start, Long.MAX_VALUE);
        notified.window(start, Long.MAX_VALUE);
        CpuAccounting.Snapshot a = bench.snapshot();
        sendAll(sender, group, start);
        long expected = (long) p.fanOutMessages() * (online.size() - 1);
        drain(expected, online.size() - 1);
        CpuAccounting.Snapshot b = bench.snapshot();
        Device.awaitSyncsIdle(online, 5000);
        online.forEach(d -> d.sink(MessageSink.NONE));
        online.forEach(Device::disconnect);

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

    private long createGroup() throws BenchFailedException, InterruptedException {
        List<String> members = new ArrayList<>();
        for (int i = 1; i < bench.params.users(); i++) {
            members.add(Bench.account(i));
        }
        return admin.createGroup(Bench.account(0), "fan-out", members);
    }

    private MessageSink sink(Device sender, long group) {
        return new MessageSink() {
            @Override
            public void onMessage(Device receiver, LogEntry entry, long now) {
                long sent =
                        Bodies.sendNanos(entry.getMessage().getBody().getText().getText());
                if (sent >= 0 && entry.getConversationId() == group) {
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
    }

    private void sendAll(Device sender, long group, long start) throws InterruptedException {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / bench.params.fanOutRate();
        for (int i = 0; i < bench.params.fanOutMessages(); i++) {
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
    }

    /** Waits until every sent message is acknowledged and found by every receiver, at most {@link #DRAIN_NANOS}. */
    private void drain(long expected, int receivers) throws InterruptedException {
        long until = System.nanoTime() + DRAIN_NANOS;
        while ((delivery.deliveredTotal() < expected - errors.count() * receivers
                        || acked.get() + errors.count() < bench.params.fanOutMessages())
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }
}
