package im.magpie.client;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.UserRecord;
import im.magpie.client.sync.LogEntries;
import im.magpie.protocol.v1.AddMembersRequest;
import im.magpie.protocol.v1.CreateGroupRequest;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.LeaveGroupRequest;
import im.magpie.protocol.v1.LookupUsersRequest;
import im.magpie.protocol.v1.MemberRole;
import im.magpie.protocol.v1.OpenDirectRequest;
import im.magpie.protocol.v1.OpenSelfRequest;
import im.magpie.protocol.v1.RemoveMemberRequest;
import im.magpie.protocol.v1.RenameGroupRequest;
import im.magpie.protocol.v1.SetConversationSettingsRequest;
import im.magpie.protocol.v1.SetMemberRoleRequest;
import im.magpie.protocol.v1.UserInfo;
import im.magpie.protocol.v1.UserPresence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Conversation, people and presence requests of one session; every reply's state goes into the local store. */
final class Conversations {
    private final ClientSession session;
    private final ClientRuntime rt;

    Conversations(ClientSession session, ClientRuntime rt) {
        this.session = session;
        this.rt = rt;
    }

    CompletableFuture<ConversationRecord> openDirect(String account) {
        return userIds(List.of(account))
                .thenCompose(ids -> change(Envelope.newBuilder()
                        .setOpenDirect(OpenDirectRequest.newBuilder().setPeerUserId(ids.get(0)))));
    }

    CompletableFuture<ConversationRecord> openSelf() {
        return change(Envelope.newBuilder().setOpenSelf(OpenSelfRequest.getDefaultInstance()));
    }

    CompletableFuture<ConversationRecord> createGroup(String title, List<String> accounts) {
        String requestId = UUID.randomUUID().toString();
        return userIds(accounts)
                .thenCompose(ids -> change(Envelope.newBuilder()
                        .setCreateGroup(CreateGroupRequest.newBuilder()
                                .setTitle(title)
                                .addAllMemberUserIds(ids)
                                .setClientRequestId(requestId))));
    }

    CompletableFuture<ConversationRecord> renameGroup(long conversationId, String title) {
        return change(Envelope.newBuilder()
                .setRenameGroup(RenameGroupRequest.newBuilder()
                        .setConversationId(conversationId)
                        .setTitle(title)));
    }

    CompletableFuture<ConversationRecord> addMembers(long conversationId, List<String> accounts) {
        return userIds(accounts)
                .thenCompose(ids -> change(Envelope.newBuilder()
                        .setAddMembers(AddMembersRequest.newBuilder()
                                .setConversationId(conversationId)
                                .addAllUserIds(ids))));
    }

    CompletableFuture<ConversationRecord> removeMember(long conversationId, String account) {
        return userIds(List.of(account))
                .thenCompose(ids -> change(Envelope.newBuilder()
                        .setRemoveMember(RemoveMemberRequest.newBuilder()
                                .setConversationId(conversationId)
                                .setUserId(ids.get(0)))));
    }

    CompletableFuture<ConversationRecord> leaveGroup(long conversationId) {
        return change(Envelope.newBuilder()
                .setLeaveGroup(LeaveGroupRequest.newBuilder().setConversationId(conversationId)));
    }

    /** Looks accounts up on the server (and caches them); unknown accounts are missing from the result. */
    CompletableFuture<List<UserInfo>> lookupAccounts(Collection<String> accounts) {
        return lookup(LookupUsersRequest.newBuilder().addAllAccounts(accounts));
    }

    /** Users by id: from the cache, the rest from the server. */
    CompletableFuture<List<UserRecord>> users(Collection<Long> userIds) {
        List<UserRecord> known = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : userIds) {
            session.store().users().find(id).ifPresentOrElse(known::add, () -> missing.add(id));
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(known);
        }
        return lookup(LookupUsersRequest.newBuilder().addAllUserIds(missing)).thenApply(found -> {
            for (UserInfo u : found) {
                known.add(new UserRecord(u.getUserId(), u.getAccount(), u.getDisplayName()));
            }
            return known;
        });
    }

    CompletableFuture<List<UserPresence>> subscribePresence(List<Long> userIds) {
        return session.subscribePresence(userIds);
    }

    private CompletableFuture<List<UserInfo>> lookup(LookupUsersRequest.Builder req) {
        return session.request(Envelope.newBuilder().setLookupUsers(req), Envelope.BodyCase.LOOKUP_USERS_RESULT)
                .thenApply(e -> {
                    List<UserInfo> users = e.getLookupUsersResult().getUsersList();
                    for (UserInfo u : users) {
                        session.store()
                                .users()
                                .upsert(new UserRecord(u.getUserId(), u.getAccount(), u.getDisplayName()));
                    }
                    return users;
                });
    }

    /** The ids of {@code accounts}, in order; fails with {@link UnknownAccountException} for the first unknown. */
    private CompletableFuture<List<Long>> userIds(List<String> accounts) {
        return lookupAccounts(accounts).thenApply(users -> {
            Map<String, Long> byAccount =
                    users.stream().collect(Collectors.toMap(UserInfo::getAccount, UserInfo::getUserId, (a, b) -> a));
            List<Long> ids = new ArrayList<>();
            for (String a : accounts) {
                Long id = byAccount.get(a);
                if (id == null) {
                    throw new CompletionException(new UnknownAccountException(a));
                }
                ids.add(id);
            }
            return ids;
        });
    }

    /** Replaces the user's mute and pin of a conversation; completes after the change came back through sync. */
    CompletableFuture<Void> setSettings(long conversationId, ConversationSettings settings) {
        return session.request(
                        Envelope.newBuilder()
                                .setSetConversationSettings(SetConversationSettingsRequest.newBuilder()
                                        .setConversationId(conversationId)
                                        .setMuted(settings.muted())
                                        .setPinned(settings.pinned())),
                        Envelope.BodyCase.ACK)
                .thenCompose(ack -> session.syncEngine().sync());
    }

    CompletableFuture<ConversationRecord> setMemberRole(long conversationId, long userId, MemberRole role) {
        return change(Envelope.newBuilder()
                .setSetMemberRole(SetMemberRoleRequest.newBuilder()
                        .setConversationId(conversationId)
                        .setUserId(userId)
                        .setRole(role)));
    }

    private CompletableFuture<ConversationRecord> change(Envelope.Builder request) {
        return session.request(request, Envelope.BodyCase.CONVERSATION_RESULT)
                .thenApplyAsync(
                        (Function<Envelope, ConversationRecord>) e -> {
                            ConversationRecord c = LogEntries.toRecord(
                                    e.getConversationResult().getConversation());
                            session.store().conversations().upsert(c);
                            rt.listeners().onConversationsChanged(List.of(c));
                            var unused = session.syncEngine().sync();
                            return c;
                        },
                        rt.callbacks());
    }
}
