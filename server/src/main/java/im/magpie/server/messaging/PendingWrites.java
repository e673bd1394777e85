package im.magpie.server.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits, with a timeout, for a log command that a synchronous service method must see committed. */
final class PendingWrites {
    private final LogAppender appender;
    private final Duration timeout;

    PendingWrites(LogAppender appender, Duration timeout) {
        this.appender = appender;
        this.timeout = timeout;
    }

    <R> CompletableFuture<R> submit(LogCommand<R> command) {
        return appender.submit(command);
    }

    <R> R await(LogCommand<R> command) throws MessagingException {
        CompletableFuture<R> future = appender.submit(command);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MessagingException expected) {
                throw expected;
            }
            if (cause instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new LogWriteException("log write failed", cause == null ? e : cause);
        } catch (TimeoutException e) {
            throw new LogWriteException("log write not committed within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogWriteException("interrupted while waiting for the log writer", e);
        }
    }
}
