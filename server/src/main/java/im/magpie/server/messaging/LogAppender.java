package im.magpie.server.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * Port to the single writer of all conversation logs. The future completes only after the change is
 * committed, or exceptionally with a {@link MessagingException} (rule broken) or an unchecked
 * exception (storage failure; the command may be retried, idempotently).
 */
public interface LogAppender {
    <R> CompletableFuture<R> submit(LogCommand<R> command);
}
