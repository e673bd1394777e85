package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.messaging.ConversationModel;
import im.magpie.server.messaging.ConversationRules;
import im.magpie.server.messaging.EventPublisher;
import im.magpie.server.messaging.LogAppender;
import im.magpie.server.messaging.LogCommand;
import im.magpie.server.messaging.MessagingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of conversation logs. One thread drains a FIFO queue of {@link LogCommand}s, up to
 * {@link #MAX_BATCH} at a time, runs them in ONE transaction ({@link LogBatch}) and commits once
 * (group commit: one fsync for many messages). A batch assumes its sends are new (no look-up of earlier receipts);
 * the rare repeat is refused by the unique index and the batch runs once more with the look-up. Only after the
 * commit does it complete the commands' futures and tell the {@link EventPublisher} (both inside
 * {@link EventPublisher#deliverTogether}, so that a sender's reply and notification leave together). Because it alone appends, log positions grow in commit
 * order, so a sync cursor never skips a row. On a storage failure the batch is rolled back, the
 * cache dropped and every future of the batch fails (clients retry idempotently).
 */
public final class LogWriter implements LogAppender, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    public static final int MAX_BATCH = 500;
    public static final int MAX_QUEUE = 100_000;
    static final Duration POLL = Duration.ofMillis(200);
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LAST_POS = "SELECT coalesce(max((SELECT max(l.pos) FROM log l"
            + " WHERE l.conversation_id = c.id)), 0) FROM conversations c";

    private final DataSource db;
    private final ConversationKeys keys;
    private final ConversationRules rules;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ConversationCache cache = new ConversationCache(ConversationCache.DEFAULT_CAPACITY);
    private final RepeatedSends repeated = new RepeatedSends(RepeatedSends.DEFAULT_CAPACITY);
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(MAX_QUEUE);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedCommands = new AtomicLong();
    private final AtomicLong batchesRunAgain = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private long nextPos = -1;

    public LogWriter(
            DataSource db, ConversationKeys keys, ConversationRules rules, EventPublisher publisher, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.rules = rules;
        this.publisher = publisher;
        this.clock = clock;
        this.thread = new Thread(this::run, "log-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public <R> CompletableFuture<R> submit(LogCommand<R> command) {
        Pending<R> pending = new Pending<>(command, new CompletableFuture<>());
        if (closing) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("log writer is closed"));
        }
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("log writer queue is full"));
        }
        if (closing && !thread.isAlive() && queue.remove(pending)) {
            // close() raced with this submit and the writer is gone: nobody else will complete it.
            pending.future().completeExceptionally(new RejectedExecutionException("log writer is closed"));
        }
        return pending.future();
    }

    /** Number of transactions committed so far (each may hold many commands). */
    public long commits() {
        return commits.get();
    }

    /** Number of commands whose transaction committed. */
    public long committedCommands() {
        return committedCommands.get();
    }

    /** Number of batches run a second time, with the look-up of earlier receipts, because they held a repeated send. */
    public long batchesRunAgain() {
        return batchesRunAgain.get();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending<?>> batch) {
        Object[] outcomes = new Object[batch.size()];
        LogBatch tx;
        try {
            tx = commitAssumingNewSends(batch, outcomes);
        } catch (SQLException | RuntimeException e) {
            // The edge of this thread: log once, fail the batch, keep the writer alive.
            log.error("log batch of {} commands failed; rolled back", batch.size(), e);
            cache.clear();
            nextPos = -1;
            StoreException failure = new StoreException("append batch of " + batch.size() + " commands", e);
            batch.forEach(p -> p.future().completeExceptionally(failure));
            return;
        }
        nextPos = tx.nextPos();
        commits.incrementAndGet();
        committedCommands.addAndGet(batch.size());
        publisher.deliverTogether(() -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(outcomes[i]);
            }
            publish(tx);
        });
    }

    /**
     * Commits the batch without first looking up earlier receipts of its sends: a repeated send (a device that missed
     * its ack sends the same message again) is rare, and the unique index on (actor, client message id) refuses it.
     * Then the batch is rolled back and run once more with the look-up, which answers the repeat with the first
     * receipt and remembers it ({@link RepeatedSends}).
     */
    private LogBatch commitAssumingNewSends(List<Pending<?>> batch, Object[] outcomes) throws SQLException {
        try {
            return commit(batch, outcomes, false);
        } catch (SQLException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            cache.clear(); // the refused attempt advanced the cached models
            nextPos = -1;
            batchesRunAgain.incrementAndGet();
            return commit(batch, outcomes, true);
        }
    }

    private LogBatch commit(List<Pending<?>> batch, Object[] outcomes, boolean lookUpReceipts) throws SQLException {
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try {
                LogBatch tx = execute(con, batch, outcomes, lookUpReceipts);
                if (!tx.committed()) {
                    con.commit();
                }
                return tx;
            } catch (SQLException | RuntimeException e) {
                if (!con.getAutoCommit()) {
                    con.rollback(); // a failed COPY in autocommit mode has rolled itself back
                }
                throw e;
            }
        }
    }

    private static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        SQLException next = e.getNextException();
        return next != null && UNIQUE_VIOLATION.equals(next.getSQLState());
    }

    private LogBatch execute(Connection con, List<Pending<?>> batch, Object[] outcomes, boolean lookUpReceipts)
            throws SQLException {
        if (nextPos < 0) {
            nextPos = maxPos(con) + 1;
        }
        LogBatch tx = new LogBatch(
                con, cache, repeated, keys, rules, clock.instant().truncatedTo(ChronoUnit.MICROS), nextPos);
        if (lookUpReceipts) {
            List<LogCommand.Send> sends = new ArrayList<>();
            for (Pending<?> p : batch) {
                if (p.command() instanceof LogCommand.Send send) {
                    sends.add(send);
                }
            }
            tx.prefetchReceipts(sends);
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                outcomes[i] = tx.execute(batch.get(i).command());
            } catch (MessagingException e) {
                outcomes[i] = e;
            }
        }
        tx.finish();
        return tx;
    }

    /** The last log position: one backward step on the key {@code (conversation_id, pos)} per conversation. */
    private static long maxPos(Connection con) throws SQLException {
        try (PreparedStatement st = con.prepareStatement(LAST_POS);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void publish(LogBatch tx) {
        for (ConversationModel model : tx.touched().values()) {
            Set<UserId> audience = new LinkedHashSet<>(model.activeMembers());
            audience.addAll(tx.removedFrom(model.id().value()));
            try {
                publisher.conversationAdvanced(
                        model.id(),
                        model.lastSeq(),
                        List.copyOf(audience),
                        tx.appendedTo(model.id().value()));
            } catch (RuntimeException e) {
                // Notifications are hints; a failing publisher must not stop the writer.
                log.warn(
                        "event publisher failed for conversation {}", model.id().value(), e);
            }
        }
    }

    /** Stops accepting commands, commits what is queued, and stops the thread (failing leftovers after a timeout). */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RejectedExecutionException closed = new RejectedExecutionException("log writer closed");
        for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
            p.future().completeExceptionally(closed);
        }
    }

    /** A queued command and its future. */
    private record Pending<R>(LogCommand<R> command, CompletableFuture<R> future) {
        // The batch computes results as Object; each command type yields exactly its R (see LogBatch.execute).
        @SuppressWarnings("unchecked")
        void complete(Object outcome) {
            if (outcome instanceof MessagingException failure) {
                future.completeExceptionally(failure);
            } else {
                future.complete((R) outcome);
            }
        }
    }
}
