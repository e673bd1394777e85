package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * S8: one device is offline while M messages arrive over C direct conversations; then it reconnects (TLS, Hello, token
 * login) and syncs page by page. Caught up = every one of the M messages is in the device's hands.
 */
final class CatchUp {
    private static final String ACCOUNT = "catchup";
    private static final int WINDOW_PER_SENDER = 8;

    private final Bench bench;
    private final Net net;

    CatchUp(Bench bench, Net net) {
        this.bench = bench;
        this.net = net;
    }

    ScenarioResult run(List<Device> peers) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        Device offline = new Device(net, ACCOUNT, Bench.PASSWORD);
        Connector.forAll(List.of(offline), d -> d.connect(false), 1, 60);
        List<Device> senders = peers.subList(0, p.catchUpConversations());
        List<Long> conversations = new ArrayList<>();
        for (Device peer : senders) {
            conversations.add(await(peer.openDirect(offline.userId())));
        }
        offline.requestSync();
        Thread.sleep(500);
        offline.disconnect();
        Thread.sleep(200);

        long sendStart = System.nanoTime();
        Errors errors = new Errors();
        sendAll(senders, conversations, p.catchUpMessages(), errors);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;

        long expected = p.catchUpMessages() - errors.count();
        CountDownLatch caughtUp = new CountDownLatch((int) expected);
        offline.sink((receiver, entry, now) -> caughtUp.countDown());
        CpuAccounting.Snapshot a = bench.snapshot();
        long syncErrorsBefore = offline.syncErrors();
        long start = System.nanoTime();
        await(offline.connect(true).thenRun(offline::requestSync));
        boolean complete = caughtUp.await(120, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        CpuAccounting.Snapshot b = bench.snapshot();
        offline.disconnect();

        ScenarioResult r = new ScenarioResult("S8", "catch-up after offline")
                .param("messages", p.catchUpMessages())
                .param("conversations", conversations.size())
                .param("send_msgs_per_s", Bench.perSecond(p.catchUpMessages(), sendSeconds));
        r.catchUpMs = Bench.round1(elapsed / 1e6);
        r.messages = expected - caughtUp.getCount();
        r.lost = complete ? 0 : caughtUp.getCount();
        r.errors = offline.syncErrors() - syncErrorsBefore;
        errors.into(r);
        r.serverDbCpuUsPerMsg = ClosedLoop.perMessage(bench.cpu.between(a, b).serverAndDbUs(), r.messages);
        r.cpu(bench.cpu.between(a, b));
        return r;
    }

    /** Every sender posts its share, with at most {@value #WINDOW_PER_SENDER} unacknowledged at a time. */
    private void sendAll(List<Device> senders, List<Long> conversations, int total, Errors errors)
            throws BenchFailedException, InterruptedException {
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            int share = total / senders.size() + (i < total % senders.size() ? 1 : 0);
            for (int w = 0; w < WINDOW_PER_SENDER; w++) {
                int count = share / WINDOW_PER_SENDER + (w < share % WINDOW_PER_SENDER ? 1 : 0);
                lanes.add(lane(senders.get(i), conversations.get(i), count, errors));
            }
        }
        await(CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> lane(Device sender, long conversation, int remaining, Errors errors) {
        if (remaining == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.send(conversation, bench.bodies.text(System.nanoTime()))
                .handle((ok, err) -> {
                    if (err != null) {
                        errors.add(err);
                    }
                    return null;
                })
                .thenCompose(x -> lane(sender, conversation, remaining - 1, errors));
    }

    static <T> T await(CompletableFuture<T> f) throws BenchFailedException, InterruptedException {
        try {
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchFailedException("a step failed: " + e, e);
        }
    }
}
