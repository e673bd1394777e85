package im.magpie.client.sync;

import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SyncBatch;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.SyncResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Pulls the conversation log into the local store (protocol.md §7): from the stored cursor, page by page while
 * {@code has_more}, each page applied with its cursor in one transaction.
 *
 * <p>Never runs two syncs at once: a {@link #sync()} while one runs is coalesced into one follow-up run, so every
 * caller's future completes after a sync that started after its call.
 */
public final class SyncEngine {
    /** Entries per page asked from the server. */
    public static final int PAGE_LIMIT = 500;

    private final LocalStore store;
    private final SyncSource source;
    private final Executor executor;
    private final SyncListener listener;
    private final Object lock = new Object();
    private @Nullable CompletableFuture<Void> running;
    private @Nullable CompletableFuture<Void> queued;

    /** @param executor where pages are applied: never a Netty event loop */
    public SyncEngine(LocalStore store, SyncSource source, Executor executor, SyncListener listener) {
        this.store = store;
        this.source = source;
        this.executor = executor;
        this.listener = listener;
    }

    /** Syncs now, or right after the sync that is running. */
    public CompletableFuture<Void> sync() {
        synchronized (lock) {
            if (running == null) {
                CompletableFuture<Void> run = new CompletableFuture<>();
                running = run;
                executor.execute(() -> nextPage(run));
                return run;
            }
            if (queued == null) {
                queued = new CompletableFuture<>();
            }
            return queued;
        }
    }

    /** Syncs when a notified conversation advanced beyond what the store holds; otherwise does nothing. */
    public CompletableFuture<Void> onNotification(Notification notification) {
        for (ConversationAdvanced c : notification.getConversationsList()) {
            if (c.getSeq() > store.entries().maxSeq(c.getConversationId())) {
                return sync();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void nextPage(CompletableFuture<Void> run) {
        byte[] cursor;
        try {
            cursor = store.syncCursor();
        } catch (RuntimeException e) {
            finish(run, e);
            return;
        }
        var unused = source.fetch(cursor, PAGE_LIMIT)
                .thenAcceptAsync(page -> apply(run, cursor, page), executor)
                .exceptionally(err -> {
                    finish(run, err);
                    return null;
                });
    }

    private void apply(CompletableFuture<Void> run, byte[] cursor, SyncResponse page) {
        SyncBatch batch = LogEntries.toBatch(page);
        store.applySyncBatch(batch);
        listener.onApplied(batch);
        if (page.getHasMore() && !Arrays.equals(cursor, batch.nextCursor())) {
            nextPage(run);
        } else {
            finish(run, null);
        }
    }

    private void finish(CompletableFuture<Void> run, @Nullable Throwable error) {
        CompletableFuture<Void> next;
        synchronized (lock) {
            next = queued;
            queued = null;
            running = next;
        }
        if (error == null) {
            run.complete(null);
        } else {
            run.completeExceptionally(error);
        }
        if (next != null) {
            CompletableFuture<Void> followUp = next;
            executor.execute(() -> nextPage(followUp));
        }
    }
}
