package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.time.Duration;
import java.util.List;

/** {@link ConversationService} over the log ports: every change is a log command. */
public final class LogConversationService implements ConversationService {
    private final PendingWrites writes;
    private final LogReader reader;

    public LogConversationService(LogAppender appender, LogReader reader, Duration writeTimeout) {
        this.writes = new PendingWrites(appender, writeTimeout);
        this.reader = reader;
    }

    @Override
    public ConversationState openDirect(UserId caller, UserId peer) throws MessagingException {
        return writes.await(new LogCommand.OpenDirect(caller, peer));
    }

    @Override
    public ConversationState openSelf(UserId caller) throws MessagingException {
        return writes.await(new LogCommand.OpenSelf(caller));
    }

    @Override
    public ConversationState createGroup(UserId caller, String title, List<UserId> members, String clientRequestId)
            throws MessagingException {
        return writes.await(new LogCommand.CreateGroup(caller, title, List.copyOf(members), clientRequestId));
    }

    @Override
    public ConversationState rename(UserId caller, ConversationId conversation, String title)
            throws MessagingException {
        return writes.await(new LogCommand.Rename(caller, conversation, title));
    }

    @Override
    public ConversationState addMembers(UserId caller, ConversationId conversation, List<UserId> users)
            throws MessagingException {
        if (users.size() > ConversationRules.MAX_MEMBERS) {
            throw new InvalidRequestException("a group has at most " + ConversationRules.MAX_MEMBERS + " members");
        }
        return writes.await(new LogCommand.AddMembers(caller, conversation, List.copyOf(users)));
    }

    @Override
    public ConversationState removeMember(UserId caller, ConversationId conversation, UserId user)
            throws MessagingException {
        return writes.await(new LogCommand.RemoveMember(caller, conversation, user));
    }

    @Override
    public ConversationState leave(UserId caller, ConversationId conversation) throws MessagingException {
        return writes.await(new LogCommand.Leave(caller, conversation));
    }

    @Override
    public ConversationState setRole(UserId caller, ConversationId conversation, UserId user, MemberRole role)
            throws MessagingException {
        return writes.await(new LogCommand.SetRole(caller, conversation, user, role));
    }

    @Override
    public long setSettings(UserId caller, ConversationId conversation, boolean muted, boolean pinned)
            throws MessagingException {
        return writes.await(new LogCommand.SetSettings(caller, conversation, muted, pinned));
    }

    @Override
    public ConversationState state(UserId caller, ConversationId conversation) throws MessagingException {
        return reader.state(caller, conversation);
    }
}
