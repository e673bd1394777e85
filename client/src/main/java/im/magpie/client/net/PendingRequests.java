package im.magpie.client.net;

import im.magpie.protocol.v1.Envelope;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests of one connection that wait for their reply. Each has a timeout; every completion runs on the callback
 * executor so that no caller code runs on the event loop.
 */
final class PendingRequests {
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Executor callbacks;

    PendingRequests(Executor callbacks) {
        this.callbacks = callbacks;
    }

    long nextId() {
        return nextId.getAndIncrement();
    }

    CompletableFuture<Envelope> register(long id, EventLoop loop, Duration timeout) {
        CompletableFuture<Envelope> future = new CompletableFuture<>();
        ScheduledFuture<?> timer = loop.schedule(
                () -> fail(id, new TimeoutException("no reply to request " + id + " within " + timeout)),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(future, timer));
        return future;
    }

    /** Completes the request the reply belongs to; returns false for an unknown id (e.g. a heartbeat pong). */
    boolean complete(Envelope reply) {
        Pending p = pending.remove(reply.getRequestId());
        if (p == null) {
            return false;
        }
        p.timer().cancel(false);
        run(() -> p.future().complete(reply));
        return true;
    }

    void fail(long id, Throwable cause) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.timer().cancel(false);
            run(() -> p.future().completeExceptionally(cause));
        }
    }

    void failAll(Throwable cause) {
        List<Long> ids = new ArrayList<>(pending.keySet());
        for (long id : ids) {
            fail(id, cause);
        }
    }

    /** Runs on the callback executor; once the client shut it down, right here instead. */
    private void run(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    private record Pending(CompletableFuture<Envelope> future, ScheduledFuture<?> timer) {}
}
