package im.magpie.client.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a conversation log as stored locally.
 *
 * <p>{@code kind} names the change ({@code message}, {@code recalled}, {@code read}, {@code created},
 * {@code members_added}, {@code member_removed}, {@code renamed}, {@code role_changed}). For {@code message} the
 * {@code body} is the serialized {@code im.v1.MessageBody} (empty once recalled); for every other kind it is the
 * serialized {@code im.v1.LogEntry}. {@code searchText} is what the full-text index holds (empty for non-messages).
 */
// equals/hashCode/toString below compare and print the body's contents, so an array component is safe here.
@SuppressWarnings("ArrayRecordComponent")
public record EntryRecord(
        long conversationId,
        long seq,
        long actorUserId,
        long serverTimeMs,
        String kind,
        byte[] body,
        boolean recalled,
        String clientMessageId,
        String searchText) {
    public static final String MESSAGE = "message";

    public boolean isMessage() {
        return MESSAGE.equals(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryRecord e
                && conversationId == e.conversationId
                && seq == e.seq
                && actorUserId == e.actorUserId
                && serverTimeMs == e.serverTimeMs
                && recalled == e.recalled
                && kind.equals(e.kind)
                && Arrays.equals(body, e.body)
                && clientMessageId.equals(e.clientMessageId)
                && searchText.equals(e.searchText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conversationId, seq, kind, recalled, Arrays.hashCode(body));
    }

    /** Never prints message content. */
    @Override
    public String toString() {
        return "EntryRecord[" + conversationId + "#" + seq + " " + kind + " by " + actorUserId + " at " + serverTimeMs
                + (recalled ? " recalled" : "") + " body=" + body.length + "B]";
    }
}
