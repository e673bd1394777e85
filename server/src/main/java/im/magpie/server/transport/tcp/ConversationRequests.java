package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.ConversationResponse;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.LookupUsersRequest;
import im.magpie.protocol.v1.LookupUsersResponse;
import im.magpie.protocol.v1.UserInfo;
import im.magpie.server.account.Account;
import im.magpie.server.account.AccountService;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.MemberRole;
import im.magpie.server.messaging.MessagingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Conversation and directory requests of a logged-in connection. */
final class ConversationRequests {
    static final int MAX_IDS = 2_000;
    static final int MAX_LOOKUP = 1_000;

    private final ConversationService conversations;
    private final AccountService accounts;

    ConversationRequests(ConversationService conversations, AccountService accounts) {
        this.conversations = conversations;
        this.accounts = accounts;
    }

    Envelope.Builder handle(UserId user, Envelope request, Envelope.Builder reply) throws MessagingException {
        if (request.getBodyCase() == Envelope.BodyCase.LOOKUP_USERS) {
            return reply.setLookupUsersResult(lookup(request.getLookupUsers()));
        }
        if (request.getBodyCase() == Envelope.BodyCase.SET_CONVERSATION_SETTINGS) {
            var settings = request.getSetConversationSettings();
            conversations.setSettings(
                    user,
                    MessageRequests.conversation(settings.getConversationId()),
                    settings.getMuted(),
                    settings.getPinned());
            return reply.setAck(im.magpie.protocol.v1.Ack.getDefaultInstance());
        }
        ConversationState state = change(user, request);
        return reply.setConversationResult(ConversationResponse.newBuilder().setConversation(ProtoMapper.state(state)));
    }

    private ConversationState change(UserId user, Envelope request) throws MessagingException {
        return switch (request.getBodyCase()) {
            case OPEN_DIRECT ->
                conversations.openDirect(user, userId(request.getOpenDirect().getPeerUserId()));
            case OPEN_SELF -> conversations.openSelf(user);
            case CREATE_GROUP ->
                conversations.createGroup(
                        user,
                        request.getCreateGroup().getTitle(),
                        userIds(request.getCreateGroup().getMemberUserIdsList()),
                        request.getCreateGroup().getClientRequestId());
            case RENAME_GROUP ->
                conversations.rename(
                        user,
                        MessageRequests.conversation(request.getRenameGroup().getConversationId()),
                        request.getRenameGroup().getTitle());
            case ADD_MEMBERS ->
                conversations.addMembers(
                        user,
                        MessageRequests.conversation(request.getAddMembers().getConversationId()),
                        userIds(request.getAddMembers().getUserIdsList()));
            case REMOVE_MEMBER ->
                conversations.removeMember(
                        user,
                        MessageRequests.conversation(request.getRemoveMember().getConversationId()),
                        userId(request.getRemoveMember().getUserId()));
            case LEAVE_GROUP ->
                conversations.leave(
                        user,
                        MessageRequests.conversation(request.getLeaveGroup().getConversationId()));
            case SET_MEMBER_ROLE ->
                conversations.setRole(
                        user,
                        MessageRequests.conversation(request.getSetMemberRole().getConversationId()),
                        userId(request.getSetMemberRole().getUserId()),
                        role(request.getSetMemberRole().getRole()));
            default -> throw new IllegalArgumentException("not a conversation request: " + request.getBodyCase());
        };
    }

    private LookupUsersResponse lookup(LookupUsersRequest request) throws InvalidRequestException {
        if (request.getAccountsCount() + request.getUserIdsCount() > MAX_LOOKUP) {
            throw new InvalidRequestException("at most " + MAX_LOOKUP + " users per lookup");
        }
        Map<Long, Account> found = new HashMap<>();
        if (request.getAccountsCount() > 0) {
            accounts.findByAccounts(request.getAccountsList()).forEach(a -> found.put(a.id().value(), a));
        }
        if (request.getUserIdsCount() > 0) {
            accounts.findByIds(
                            request.getUserIdsList().stream().map(UserId::new).toList())
                    .forEach(a -> found.put(a.id().value(), a));
        }
        LookupUsersResponse.Builder proto = LookupUsersResponse.newBuilder();
        found.values()
                .forEach(a -> proto.addUsers(UserInfo.newBuilder()
                        .setUserId(a.id().value())
                        .setAccount(a.account())
                        .setDisplayName(a.displayName())
                        .setDisabled(a.disabled())));
        return proto.build();
    }

    private static MemberRole role(im.magpie.protocol.v1.MemberRole role) throws InvalidRequestException {
        MemberRole mapped = ProtoMapper.role(role);
        if (mapped == null) {
            throw new InvalidRequestException("role is missing");
        }
        return mapped;
    }

    private static UserId userId(long id) throws InvalidRequestException {
        if (id <= 0) {
            throw new InvalidRequestException("user id is missing");
        }
        return new UserId(id);
    }

    private static List<UserId> userIds(List<Long> ids) throws InvalidRequestException {
        if (ids.size() > MAX_IDS) {
            throw new InvalidRequestException("at most " + MAX_IDS + " user ids");
        }
        for (long id : ids) {
            userId(id);
        }
        return ids.stream().distinct().map(UserId::new).toList();
    }
}
