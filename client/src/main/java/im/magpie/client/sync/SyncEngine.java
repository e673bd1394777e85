package im.magpie.client.sync;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SyncBatch;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.SyncResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    /** Held while a sync page or inline entries are checked against the store and applied. */
    private final Object applying = new Object();
    /** Guards {@link #pushed} and {@link #draining}. */
    private final Object pushLock = new Object();

    /** Notifications waiting to be applied, in arrival order. */
    private List<Pushed> pushed = new ArrayList<>();
    /** Whether a drain of {@link #pushed} is scheduled or running. */
    private boolean draining;
    /** Where a drain waits for {@link #commitSpacingNanos}; null: pushes are applied as soon as they come. */
    private final @Nullable ScheduledExecutorService scheduler;

    private final long commitSpacingNanos;
    /** {@link System#nanoTime()} when the last batch of pushes was applied (only the drain reads and writes it). */
    private volatile long lastPushCommit;

    private @Nullable CompletableFuture<Void> running;
    private @Nullable CompletableFuture<Void> queued;

    /**
     * Applies pushes as soon as they come, one transaction for those that arrive together.
     *
     * @param executor where pages are applied: never a Netty event loop
     */
    public SyncEngine(LocalStore store, SyncSource source, Executor executor, SyncListener listener) {
        this(store, source, executor, null, Duration.ZERO, listener);
    }

    /**
     * Applies pushes at most once every {@code commitSpacing}: a push that comes within that time after the last
     * applied batch waits for the rest of it, and the pushes that came meanwhile are applied with it in one
     * transaction. A push after a quiet spell is applied at once. At 50 messages a second (and the read marks the open
     * chat sends back) a commit per push cost more CPU than everything else the receive thread did.
     *
     * @param executor where pages and pushes are applied (the waits are scheduled on it): never a Netty event loop
     */
    public SyncEngine(
            LocalStore store,
            SyncSource source,
            ScheduledExecutorService executor,
            Duration commitSpacing,
            SyncListener listener) {
        this(store, source, executor, executor, commitSpacing, listener);
    }

    private SyncEngine(
            LocalStore store,
            SyncSource source,
            Executor executor,
            @Nullable ScheduledExecutorService scheduler,
            Duration commitSpacing,
            SyncListener listener) {
        this.store = store;
        this.source = source;
        this.executor = executor;
        this.scheduler = scheduler;
        this.commitSpacingNanos = commitSpacing.toNanos();
        this.listener = listener;
        this.lastPushCommit = System.nanoTime() - commitSpacingNanos;
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

    /**
     * Handles a notification (protocol.md §7, "Inline entries"): a conversation that advanced beyond what the store
     * holds is brought up to date from the entries the notification carries when they continue the stored log
     * without a gap; any other advance (no entries, a gap, a conversation never synced) starts a sync.
     *
     * <p>Notifications that arrive while earlier ones wait or are being applied are applied together, in one
     * transaction: at 50 messages a second (and as many read marks) one commit per push was the receive thread's main
     * cost. Inline entries never move the sync cursor, so a crash before that commit loses nothing: the next sync
     * brings the entries from the stored cursor. The returned future completes once the notification's entries are
     * committed (or the sync it needed ran).
     */
    public CompletableFuture<Void> onNotification(Notification notification) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean startDrain;
        synchronized (pushLock) {
            pushed.add(new Pushed(notification, done));
            startDrain = !draining;
            draining = true;
        }
        if (startDrain) {
            scheduleDrain();
        }
        return done;
    }

    /** Applies every notification queued so far in one transaction, then the ones that came meanwhile. */
    private void drainPushed() {
        List<Pushed> batch;
        synchronized (pushLock) {
            batch = pushed;
            pushed = new ArrayList<>();
        }
        boolean needsSync;
        try {
            needsSync = applyInline(batch.stream().map(Pushed::notification).toList());
        } catch (RuntimeException e) {
            // nothing of the batch was committed (one transaction); the sync from the stored cursor brings it all
            needsSync = true;
        }
        lastPushCommit = System.nanoTime();
        if (needsSync) {
            var unused = sync().whenComplete((ok, err) -> batch.forEach(p -> p.settle(err)));
        } else {
            batch.forEach(p -> p.settle(null));
        }
        synchronized (pushLock) {
            if (pushed.isEmpty()) {
                draining = false;
                return;
            }
        }
        scheduleDrain();
    }

    /** Drains now, or when {@link #commitSpacingNanos} have passed since the last batch was applied. */
    private void scheduleDrain() {
        long wait = lastPushCommit + commitSpacingNanos - System.nanoTime();
        ScheduledExecutorService s = scheduler;
        if (s == null || wait <= 0) {
            executor.execute(this::drainPushed);
        } else {
            var unused = s.schedule(this::drainPushed, wait, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Applies the usable inline entries of {@code notifications} (in arrival order) in one transaction; returns true
     * when some advance still needs a sync.
     */
    private boolean applyInline(List<Notification> notifications) {
        synchronized (applying) {
            boolean needsSync = false;
            Map<Long, Long> held = new HashMap<>();
            List<LogEntry> fresh = new ArrayList<>();
            for (Notification notification : notifications) {
                for (ConversationAdvanced c : notification.getConversationsList()) {
                    long conversation = c.getConversationId();
                    long have = held.computeIfAbsent(
                            conversation, id -> store.entries().maxSeq(id));
                    if (c.getSeq() <= have) {
                        continue;
                    }
                    if (!continues(c, have)) {
                        needsSync = true;
                        continue;
                    }
                    for (LogEntry e : c.getEntriesList()) {
                        if (e.getSeq() > have) {
                            fresh.add(e);
                        }
                    }
                    held.put(conversation, c.getSeq());
                }
            }
            if (!fresh.isEmpty()) {
                SyncBatch batch = LogEntries.toPushedBatch(fresh);
                List<ConversationRecord> states = store.applyPushedBatch(batch);
                listener.onApplied(
                        new SyncBatch(batch.entries(), batch.recalls(), batch.readMarks(), states, batch.nextCursor()));
            }
            return needsSync;
        }
    }

    /**
     * True when the advance's entries lead from at most {@code held + 1} to its seq, one by one, in a conversation
     * this store already holds entries of (else the conversation's state is unknown here and only sync gives it).
     * Public so that other consumers of notifications (the benchmark's simulated devices) apply the same rule.
     */
    public static boolean continues(ConversationAdvanced c, long held) {
        List<LogEntry> entries = c.getEntriesList();
        if (held <= 0 || entries.isEmpty()) {
            return false;
        }
        long expected = entries.get(0).getSeq();
        if (expected > held + 1) {
            return false;
        }
        for (LogEntry e : entries) {
            if (e.getSeq() != expected || e.getConversationId() != c.getConversationId()) {
                return false;
            }
            expected++;
        }
        return expected - 1 == c.getSeq();
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
        synchronized (applying) {
            store.applySyncBatch(batch);
            listener.onApplied(batch);
        }
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

    /** A notification waiting to be applied, and whom to tell when it was. */
    private record Pushed(Notification notification, CompletableFuture<Void> done) {
        void settle(@Nullable Throwable error) {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        }
    }
}
