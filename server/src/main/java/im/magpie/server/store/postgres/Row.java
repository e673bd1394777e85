package im.magpie.server.store.postgres;

import im.magpie.server.account.UserId;
import im.magpie.server.crypto.ConversationKeys;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.LogEntry;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of table {@code log} as read, body still sealed. */
// The sealed body is handed straight to the decryption; records never compare it.
@SuppressWarnings("ArrayRecordComponent")
record Row(
        long pos,
        long conversation,
        long seq,
        long actor,
        Instant serverTime,
        short kind,
        @Nullable UUID clientMsgId,
        byte @Nullable [] sealedBody,
        boolean recalled,
        long refSeq,
        long subjectId,
        @Nullable String detail) {
    private static final byte[] EMPTY = new byte[0];

    LogEntry entry(ConversationKeys keys, byte[] wrappedKey) {
        byte[] body = sealedBody == null ? EMPTY : keys.openBody(conversation, seq, wrappedKey, sealedBody);
        return new LogEntry(
                new ConversationId(conversation),
                seq,
                new UserId(actor),
                serverTime,
                LogRows.change(kind, clientMsgId, body, recalled, refSeq, subjectId, detail));
    }
}
