package im.magpie.client.store;

import java.util.List;

/**
 * The local copy of a conversation's state. {@code kind} is {@code DIRECT}, {@code GROUP} or {@code SELF};
 * {@code lastSeq} is the server's highest seq as of the last state received.
 */
public record ConversationRecord(
        long id, String kind, String title, long lastSeq, boolean active, List<MemberRecord> members) {
    public ConversationRecord {
        members = List.copyOf(members);
    }
}
