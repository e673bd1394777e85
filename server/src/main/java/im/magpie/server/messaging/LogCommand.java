package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/**
 * A change request for the single log writer. {@code R} is what the command's future completes with.
 * Commands are validated by {@link ConversationRules} against the writer's {@link ConversationModel}.
 */
public sealed interface LogCommand<R> {
    /** Who asks. */
    UserId caller();

    record Send(UserId caller, OutgoingMessage message) implements LogCommand<SendReceipt> {}

    /** Completes with the seq of the recall entry (the existing one when already recalled). */
    record Recall(UserId caller, ConversationId conversation, long seq) implements LogCommand<Long> {}

    /** Completes with the caller's read mark after the command. */
    record MarkRead(UserId caller, ConversationId conversation, long seq) implements LogCommand<Long> {}

    record OpenDirect(UserId caller, UserId peer) implements LogCommand<ConversationState> {}

    record OpenSelf(UserId caller) implements LogCommand<ConversationState> {}

    record CreateGroup(UserId caller, String title, List<UserId> members, String clientRequestId)
            implements LogCommand<ConversationState> {}

    record Rename(UserId caller, ConversationId conversation, String title) implements LogCommand<ConversationState> {}

    record AddMembers(UserId caller, ConversationId conversation, List<UserId> users)
            implements LogCommand<ConversationState> {}

    record RemoveMember(UserId caller, ConversationId conversation, UserId user)
            implements LogCommand<ConversationState> {}

    record Leave(UserId caller, ConversationId conversation) implements LogCommand<ConversationState> {}

    /** Completes with the seq of the settings entry in the caller's SELF conversation. */
    record SetSettings(UserId caller, ConversationId conversation, boolean muted, boolean pinned)
            implements LogCommand<Long> {}

    record SetRole(UserId caller, ConversationId conversation, UserId user, MemberRole role)
            implements LogCommand<ConversationState> {}
}
