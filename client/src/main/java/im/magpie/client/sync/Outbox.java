package im.magpie.client.sync;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.client.net.Backoff;
import im.magpie.client.net.RequestFailedException;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.OutboxRecord;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SendMessageResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent outbox (protocol.md §7 rule 1). {@link #enqueue} stores a message under a new random client
 * message id; a sender loop on {@code scheduler} sends the oldest pending message, one at a time, so messages leave
 * in the order they were written. A reply marks it sent; a definitive error reply marks it failed with the code;
 * anything else (no connection, timeout, server trouble) retries later, with backoff, under the same client message
 * id, so the server stores it once.
 */
public final class Outbox {
    /** Error codes after which retrying the same request cannot succeed. */
    public static final Set<ErrorCode> DEFINITIVE = EnumSet.of(
            ErrorCode.ERROR_CODE_NOT_A_MEMBER,
            ErrorCode.ERROR_CODE_NOT_FOUND,
            ErrorCode.ERROR_CODE_BAD_REQUEST,
            ErrorCode.ERROR_CODE_TOO_LARGE,
            ErrorCode.ERROR_CODE_FILE_NOT_FOUND,
            ErrorCode.ERROR_CODE_CONFLICT,
            ErrorCode.ERROR_CODE_PERMISSION_DENIED);

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final LocalStore store;
    private final MessageSender sender;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final OutboxListener listener;
    private final Object flushed = new Object();
    private boolean inFlight;
    private @Nullable ScheduledFuture<?> timer;

    public Outbox(
            LocalStore store,
            MessageSender sender,
            ScheduledExecutorService scheduler,
            Clock clock,
            Backoff backoff,
            OutboxListener listener) {
        this.store = store;
        this.sender = sender;
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        this.listener = listener;
    }

    /** Stores the message for sending and returns its new client message id; sending starts in the background. */
    public String enqueue(long conversationId, MessageBody body) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        store.outbox().insert(id, conversationId, body.toByteArray(), now);
        store.usage().record(conversationId, now);
        kick();
        return id;
    }

    /** Looks at the outbox now (after a reconnect, a new message, or a retry timer). */
    public void kick() {
        scheduler.execute(this::pump);
    }

    /** Makes every waiting message due now and sends (after a reconnect). */
    public void retryNow() {
        scheduler.execute(() -> {
            store.outbox().retryAllNow();
            pump();
        });
    }

    /**
     * Waits until no message is pending (all sent or failed), at most {@code timeout}. Never call it on the
     * scheduler thread.
     *
     * @return true when the outbox is flushed
     */
    public boolean awaitFlushed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (flushed) {
            while (store.outbox().pendingCount() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                flushed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return true;
        }
    }

    private void pump() {
        if (inFlight) {
            return;
        }
        Optional<OutboxRecord> head = store.outbox().oldestPending();
        if (head.isEmpty()) {
            signal();
            return;
        }
        OutboxRecord r = head.get();
        long wait = r.nextAttemptMs() - clock.millis();
        if (wait > 0) {
            if (timer != null) {
                timer.cancel(false);
            }
            timer = scheduler.schedule(this::pump, wait, TimeUnit.MILLISECONDS);
            return;
        }
        SendMessageRequest request;
        try {
            request = SendMessageRequest.newBuilder()
                    .setConversationId(r.conversationId())
                    .setClientMessageId(r.clientMessageId())
                    .setBody(MessageBody.parseFrom(r.body()))
                    .build();
        } catch (InvalidProtocolBufferException e) {
            store.outbox().markFailed(r.clientMessageId(), "CORRUPT");
            scheduler.execute(this::pump);
            return;
        }
        inFlight = true;
        var unused = sendSafely(request).whenCompleteAsync((reply, error) -> done(r, reply, error), scheduler);
    }

    private java.util.concurrent.CompletableFuture<SendMessageResponse> sendSafely(SendMessageRequest request) {
        try {
            return sender.send(request);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private void done(OutboxRecord r, @Nullable SendMessageResponse reply, @Nullable Throwable error) {
        inFlight = false;
        try {
            if (reply != null) {
                store.outbox().markSent(r.clientMessageId(), reply.getSeq(), reply.getServerTimeMs());
                listener.onSent(r.clientMessageId(), r.conversationId(), reply.getSeq());
            } else {
                failed(r, error);
            }
        } finally {
            signal();
        }
        pump();
    }

    private void failed(OutboxRecord r, @Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RequestFailedException e && DEFINITIVE.contains(e.code())) {
            store.outbox().markFailed(r.clientMessageId(), e.codeName());
            listener.onFailed(r.clientMessageId(), r.conversationId(), e.codeName());
            return;
        }
        long delay = backoff.delay(r.attempts()).toMillis();
        if (cause instanceof RequestFailedException e && e.retryAfterMs() > delay) {
            delay = e.retryAfterMs();
        }
        log.debug("send of {} failed ({}), retrying in {} ms", r.clientMessageId(), String.valueOf(cause), delay);
        store.outbox().markRetry(r.clientMessageId(), clock.millis() + delay);
    }

    private void signal() {
        synchronized (flushed) {
            flushed.notifyAll();
        }
    }
}
