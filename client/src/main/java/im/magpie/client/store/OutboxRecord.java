package im.magpie.client.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message in the outbox. {@code body} is the serialized {@code im.v1.MessageBody}. {@code seq} and
 * {@code serverTimeMs} are set once sent; {@code failureCode} once the server refused it for good.
 */
// equals/hashCode/toString below handle the array by content.
@SuppressWarnings("ArrayRecordComponent")
public record OutboxRecord(
        String clientMessageId,
        long conversationId,
        byte[] body,
        OutboxState state,
        int attempts,
        long nextAttemptMs,
        long createdMs,
        long seq,
        long serverTimeMs,
        String failureCode) {

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRecord r
                && clientMessageId.equals(r.clientMessageId)
                && conversationId == r.conversationId
                && Arrays.equals(body, r.body)
                && state == r.state
                && attempts == r.attempts
                && nextAttemptMs == r.nextAttemptMs
                && createdMs == r.createdMs
                && seq == r.seq
                && serverTimeMs == r.serverTimeMs
                && failureCode.equals(r.failureCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientMessageId, state, attempts, seq);
    }

    /** Never prints message content. */
    @Override
    public String toString() {
        return "OutboxRecord[" + clientMessageId + " to " + conversationId + " " + state + " attempts=" + attempts
                + " seq=" + seq + (failureCode.isEmpty() ? "" : " failure=" + failureCode) + "]";
    }
}
