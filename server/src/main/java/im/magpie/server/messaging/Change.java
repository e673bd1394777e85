package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/** What one log entry changed. Every change takes the next seq of its conversation. */
public sealed interface Change {
    /** A message. {@code body} is empty and {@code recalled} true once the sender recalled it. */
    // Opaque bytes handed through unchanged; records never compare them and copying would cost the hot path.
    @SuppressWarnings("ArrayRecordComponent")
    record MessagePosted(ClientMessageId clientId, byte[] body, boolean recalled) implements Change {}

    record MessageRecalled(long targetSeq) implements Change {}

    record ReadMarked(long readSeq) implements Change {}

    record ConversationCreated(ConversationKind kind, String title) implements Change {}

    record MembersAdded(List<Member> members) implements Change {}

    record MemberRemoved(UserId user, boolean left) implements Change {}

    record Renamed(String title) implements Change {}

    record RoleChanged(UserId user, MemberRole role) implements Change {}

    /**
     * The actor's own settings for {@code target}: logged in the actor's SELF conversation only, so that it reaches
     * all of the actor's devices and nobody else.
     */
    record SettingsChanged(ConversationId target, boolean muted, boolean pinned) implements Change {}
}
