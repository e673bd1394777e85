package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.concurrent.CompletableFuture;

/**
 * Sends, recalls and reads messages; serves sync and history. Every change is appended to its
 * conversation's log and acknowledged only after the append is durable (committed). Devices are
 * told through {@link EventPublisher} after the commit.
 */
public interface MessagingService {
    /**
     * Appends a message. Completes after the commit with the receipt, or exceptionally with a
     * {@link MessagingException}. Repeating the same sender and client id returns the first receipt
     * and stores nothing. Sends from one caller thread are appended in call order.
     */
    CompletableFuture<SendReceipt> send(UserId sender, OutgoingMessage message);

    /** Recalls the caller's own message within the recall window; returns the recall entry's seq. Idempotent. */
    long recall(UserId caller, ConversationId conversation, long seq) throws MessagingException;

    /** Moves the caller's read mark forward (never back). */
    void markRead(UserId caller, ConversationId conversation, long seq) throws MessagingException;

    ReadReceipts readReceipts(UserId caller, ConversationId conversation, long seq) throws MessagingException;

    /** Everything that changed since {@code cursor} (empty for "from the beginning") in the caller's conversations. */
    SyncPage sync(UserId caller, byte[] cursor, int limit) throws MessagingException;

    HistoryPage history(UserId caller, ConversationId conversation, long beforeSeq, int limit)
            throws MessagingException;
}
