package im.magpie.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.client.net.Backoff;
import im.magpie.client.net.ConnectionClosedException;
import im.magpie.client.net.RequestFailedException;
import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.MachineIdentity;
import im.magpie.client.store.OutboxRecord;
import im.magpie.client.store.OutboxState;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SendMessageResponse;
import im.magpie.protocol.v1.TextContent;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final MachineIdentity MACHINE = new MachineIdentity() {
        @Override
        public String machineId() {
            return "m";
        }

        @Override
        public String userName() {
            return "u";
        }
    };

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Backoff fastBackoff = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), () -> 1.0);
    private final List<SendMessageRequest> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void sendsInTheOrderEnqueuedAndRecordsSeq() throws Exception {
        try (LocalStore store = store()) {
            Outbox outbox = outbox(store, req -> ok());
            String a = outbox.enqueue(1, text("one"));
            String b = outbox.enqueue(2, text("two"));
            String c = outbox.enqueue(1, text("three"));

            assertThat(outbox.awaitFlushed(Duration.ofSeconds(5))).isTrue();

            assertThat(sent).extracting(SendMessageRequest::getClientMessageId).containsExactly(a, b, c);
            assertThat(sent).extracting(r -> r.getBody().getText().getText()).containsExactly("one", "two", "three");
            OutboxRecord first = store.outbox().find(a).orElseThrow();
            assertThat(first.state()).isEqualTo(OutboxState.SENT);
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.serverTimeMs()).isEqualTo(5000);
        }
    }

    @Test
    void retriesTransientFailuresWithTheSameClientMessageId() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LocalStore store = store()) {
            Outbox outbox = outbox(store, req -> switch (calls.incrementAndGet()) {
                case 1 -> CompletableFuture.failedFuture(new ConnectionClosedException("offline"));
                case 2 -> CompletableFuture.failedFuture(new TimeoutException("no reply"));
                case 3 ->
                    CompletableFuture.failedFuture(
                            new RequestFailedException(ErrorCode.ERROR_CODE_UNAVAILABLE, "restarting", 0));
                default -> ok();
            });
            String id = outbox.enqueue(7, text("hello"));
            String second = outbox.enqueue(7, text("after"));

            assertThat(outbox.awaitFlushed(Duration.ofSeconds(5))).isTrue();

            assertThat(sent).extracting(SendMessageRequest::getClientMessageId).containsExactly(id, id, id, id, second);
            OutboxRecord r = store.outbox().find(id).orElseThrow();
            assertThat(r.state()).isEqualTo(OutboxState.SENT);
            assertThat(r.attempts()).isEqualTo(4);
        }
    }

    @Test
    void marksDefinitiveErrorsFailedAndMovesOn() throws Exception {
        try (LocalStore store = store()) {
            Outbox outbox = outbox(
                    store,
                    req -> req.getConversationId() == 666
                            ? CompletableFuture.failedFuture(
                                    new RequestFailedException(ErrorCode.ERROR_CODE_NOT_A_MEMBER, "666", 0))
                            : ok());
            String refused = outbox.enqueue(666, text("nope"));
            String fine = outbox.enqueue(1, text("yes"));

            assertThat(outbox.awaitFlushed(Duration.ofSeconds(5))).isTrue();

            OutboxRecord r = store.outbox().find(refused).orElseThrow();
            assertThat(r.state()).isEqualTo(OutboxState.FAILED);
            assertThat(r.failureCode()).isEqualTo("NOT_A_MEMBER");
            assertThat(sent).extracting(SendMessageRequest::getClientMessageId).containsExactly(refused, fine);
            assertThat(store.outbox().find(fine).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        }
    }

    @Test
    void survivesARestartAndSendsTheStoredMessageLater() throws Exception {
        String id;
        try (LocalStore store = store()) {
            Outbox offline =
                    outbox(store, req -> CompletableFuture.failedFuture(new ConnectionClosedException("offline")));
            id = offline.enqueue(3, text("written offline"));
            assertThat(offline.awaitFlushed(Duration.ofMillis(200))).isFalse();
        }
        try (LocalStore store = store()) {
            Outbox online = outbox(store, req -> ok());
            online.retryNow();
            assertThat(online.awaitFlushed(Duration.ofSeconds(5))).isTrue();
            assertThat(store.outbox().find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        }
        assertThat(sent).extracting(SendMessageRequest::getClientMessageId).containsOnly(id);
        assertThat(sent.get(sent.size() - 1).getBody().getText().getText()).isEqualTo("written offline");
    }

    @Test
    void waitsForTheHeadBeforeSendingLaterMessages() throws Exception {
        CompletableFuture<SendMessageResponse> slow = new CompletableFuture<>();
        try (LocalStore store = store()) {
            Outbox outbox = outbox(store, req -> sent.size() == 1 ? slow : ok());
            outbox.enqueue(1, text("first"));
            outbox.enqueue(1, text("second"));
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> sent.size() == 1);
            slow.complete(SendMessageResponse.newBuilder().setSeq(1).build());
            assertThat(outbox.awaitFlushed(Duration.ofSeconds(5))).isTrue();
            assertThat(sent).hasSize(2);
        }
    }

    private CompletableFuture<SendMessageResponse> ok() {
        int s = seq.incrementAndGet();
        return CompletableFuture.completedFuture(SendMessageResponse.newBuilder()
                .setSeq(s)
                .setServerTimeMs(5000L * s)
                .build());
    }

    private Outbox outbox(LocalStore store, Function<SendMessageRequest, CompletableFuture<SendMessageResponse>> f) {
        MessageSender sender = req -> {
            sent.add(req);
            return f.apply(req);
        };
        return new Outbox(store, sender, scheduler, Clock.systemUTC(), fastBackoff, new OutboxListener() {});
    }

    private LocalStore store() throws Exception {
        return LocalStore.open(dir.resolve("o.db"), new DeviceKeyProtector(MACHINE, new SecureRandom()));
    }

    private static MessageBody text(String t) {
        return MessageBody.newBuilder()
                .setText(TextContent.newBuilder().setText(t))
                .build();
    }
}
