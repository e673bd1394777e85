package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/** Creates conversations and changes their membership; each change is a log entry like a message. */
public interface ConversationService {
    /** The direct conversation of the two users, created on first use. */
    ConversationState openDirect(UserId caller, UserId peer) throws MessagingException;

    /** The caller's file transfer assistant, created on first use. */
    ConversationState openSelf(UserId caller) throws MessagingException;

    /** A new group owned by the caller; retrying with the same {@code clientRequestId} returns the same group. */
    ConversationState createGroup(UserId caller, String title, List<UserId> members, String clientRequestId)
            throws MessagingException;

    ConversationState rename(UserId caller, ConversationId conversation, String title) throws MessagingException;

    ConversationState addMembers(UserId caller, ConversationId conversation, List<UserId> users)
            throws MessagingException;

    ConversationState removeMember(UserId caller, ConversationId conversation, UserId user) throws MessagingException;

    ConversationState leave(UserId caller, ConversationId conversation) throws MessagingException;

    ConversationState setRole(UserId caller, ConversationId conversation, UserId user, MemberRole role)
            throws MessagingException;

    /**
     * Sets whether the caller mutes and pins a conversation they belong or belonged to; recorded in the caller's
     * SELF conversation (created if needed). Returns the seq of that entry.
     */
    long setSettings(UserId caller, ConversationId conversation, boolean muted, boolean pinned)
            throws MessagingException;

    ConversationState state(UserId caller, ConversationId conversation) throws MessagingException;
}
