package im.magpie.server.transport.tcp;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.MemberRole;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.messaging.UnknownUserException;
import java.util.List;

/** Only direct conversations with bob (id 2) exist: conversation 7. */
final class FakeConversations implements ConversationService {
    @Override
    public ConversationState openDirect(UserId caller, UserId peer) throws MessagingException {
        if (peer.value() != 2) {
            throw new UnknownUserException("no user " + peer.value());
        }
        return FakeMessaging.state(7);
    }

    @Override
    public ConversationState openSelf(UserId caller) {
        return FakeMessaging.state(9);
    }

    @Override
    public ConversationState createGroup(UserId caller, String title, List<UserId> members, String clientRequestId)
            throws MessagingException {
        throw new ConversationNotFoundException("groups are not faked");
    }

    @Override
    public ConversationState rename(UserId caller, ConversationId conversation, String title)
            throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public ConversationState addMembers(UserId caller, ConversationId conversation, List<UserId> users)
            throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public ConversationState removeMember(UserId caller, ConversationId conversation, UserId user)
            throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public ConversationState leave(UserId caller, ConversationId conversation) throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public ConversationState setRole(UserId caller, ConversationId conversation, UserId user, MemberRole role)
            throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public ConversationState state(UserId caller, ConversationId conversation) throws MessagingException {
        throw new ConversationNotFoundException("no conversation");
    }

    @Override
    public long setSettings(
            UserId caller, im.magpie.server.messaging.ConversationId conversation, boolean muted, boolean pinned) {
        throw new UnsupportedOperationException("not used by the transport tests");
    }
}
