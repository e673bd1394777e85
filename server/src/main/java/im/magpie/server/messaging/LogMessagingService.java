package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@link MessagingService} over the log ports: writes go to the single {@link LogAppender}, reads to the {@link LogReader}. */
public final class LogMessagingService implements MessagingService {
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_SYNC_LIMIT = 1000;
    public static final int MAX_HISTORY_LIMIT = 200;

    private final PendingWrites writes;
    private final LogReader reader;

    public LogMessagingService(LogAppender appender, LogReader reader, Duration writeTimeout) {
        this.writes = new PendingWrites(appender, writeTimeout);
        this.reader = reader;
    }

    @Override
    public CompletableFuture<SendReceipt> send(UserId sender, OutgoingMessage message) {
        return writes.submit(new LogCommand.Send(sender, message));
    }

    @Override
    public long recall(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        return writes.await(new LogCommand.Recall(caller, conversation, seq));
    }

    @Override
    public void markRead(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        writes.await(new LogCommand.MarkRead(caller, conversation, seq));
    }

    @Override
    public ReadReceipts readReceipts(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        return reader.readReceipts(caller, conversation, seq);
    }

    @Override
    public SyncPage sync(UserId caller, byte[] cursor, int limit) throws MessagingException {
        long after = SyncCursor.decode(cursor);
        if (limit < 1 || limit > MAX_SYNC_LIMIT) {
            throw new InvalidRequestException("limit must be 1.." + MAX_SYNC_LIMIT);
        }
        LogReader.SyncSlice slice = reader.sync(caller, after, limit);
        return new SyncPage(slice.entries(), slice.states(), SyncCursor.encode(slice.lastPos()), slice.hasMore());
    }

    @Override
    public HistoryPage history(UserId caller, ConversationId conversation, long beforeSeq, int limit)
            throws MessagingException {
        if (limit < 1 || limit > MAX_HISTORY_LIMIT || beforeSeq < 0) {
            throw new InvalidRequestException("limit must be 1.." + MAX_HISTORY_LIMIT + ", beforeSeq >= 0");
        }
        return reader.history(caller, conversation, beforeSeq == 0 ? Long.MAX_VALUE : beforeSeq, limit);
    }
}
