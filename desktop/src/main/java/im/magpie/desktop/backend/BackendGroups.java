package im.magpie.desktop.backend;

import im.magpie.client.ClientListener;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.UserRecord;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.group.GroupEvents;
import im.magpie.desktop.group.GroupInfo;
import im.magpie.desktop.group.GroupPort;
import im.magpie.protocol.v1.UserPresence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link GroupPort} over the client library: group state from the local store (on the store reader thread), people
 * from the people cache (on the people thread), changes through the server, presence through additive watches.
 */
final class BackendGroups implements GroupPort {
    private final Supplier<MagpieClient> client;
    private final Executor reader;
    private final Executor people;
    private final Map<GroupEvents, ClientListener> listeners = new ConcurrentHashMap<>();
    /** The people cache was filled from the directory for a card (once: {@link #person}). */
    private final java.util.concurrent.atomic.AtomicBoolean directoryFetched =
            new java.util.concurrent.atomic.AtomicBoolean();

    BackendGroups(Supplier<MagpieClient> client, Executor reader, Executor people) {
        this.client = client;
        this.reader = reader;
        this.people = people;
    }

    @Override
    public long selfUserId() {
        return client.get().userId();
    }

    @Override
    public CompletableFuture<List<Contact>> searchPeople(String query, int limit) {
        return BackendContacts.search(client, query, limit, people);
    }

    /**
     * From the people cache (with the signature). Someone not in it fills the cache from the server's directory, once
     * per session (the contacts section may not have been opened yet); else the user's name and account alone.
     */
    @Override
    public CompletableFuture<Integer> refreshPeople() {
        return client.get().refreshPeople();
    }

    @Override
    public CompletableFuture<Optional<Contact>> person(long userId) {
        MagpieClient c = client.get();
        return cached(c, userId)
                .thenCompose(found -> found.isPresent() || !directoryFetched.compareAndSet(false, true)
                        ? CompletableFuture.completedFuture(found)
                        : c.refreshPeople().handle((n, failure) -> n).thenCompose(n -> cached(c, userId)))
                .thenCompose(found -> found.isPresent()
                        ? CompletableFuture.completedFuture(found)
                        : Failures.chat(c.users(List.of(userId)))
                                .thenApply(users -> users.stream()
                                        .findFirst()
                                        .map(u -> new Contact(u.userId(), u.account(), u.displayName(), ""))));
    }

    private CompletableFuture<Optional<Contact>> cached(MagpieClient c, long userId) {
        return CompletableFuture.supplyAsync(() -> c.person(userId).map(BackendContacts::contact), people);
    }

    /** The members of a conversation with names, accounts and roles, in the order the server keeps them. */
    CompletableFuture<List<Member>> members(long conversationId) {
        MagpieClient c = client.get();
        return Failures.chat(CompletableFuture.supplyAsync(
                        () -> c.conversation(conversationId)
                                .map(ConversationRecord::members)
                                .orElse(List.of()),
                        reader))
                .thenCompose(records -> Failures.chat(c.users(
                                records.stream().map(MemberRecord::userId).toList()))
                        .thenApply(users -> members(records, users)));
    }

    private static List<Member> members(List<MemberRecord> records, List<UserRecord> users) {
        Map<Long, UserRecord> byId = new HashMap<>();
        users.forEach(u -> byId.put(u.userId(), u));
        List<Member> out = new ArrayList<>();
        for (MemberRecord r : records) {
            UserRecord u = byId.get(r.userId());
            String account = u == null ? "#" + r.userId() : u.account();
            String name = u == null || u.displayName().isBlank() ? account : u.displayName();
            out.add(new Member(r.userId(), name, account, MemberRole.of(r.role())));
        }
        return out;
    }

    /** What the local store holds about a group and the user's mute setting for it. */
    private record Stored(Optional<ConversationRecord> record, boolean muted) {}

    @Override
    public CompletableFuture<GroupInfo> group(long conversationId) {
        MagpieClient c = client.get();
        return Failures.chat(CompletableFuture.supplyAsync(
                        () -> new Stored(
                                c.conversation(conversationId),
                                c.conversationSettings()
                                        .getOrDefault(conversationId, ConversationSettings.NONE)
                                        .muted()),
                        reader))
                .thenCompose(stored -> {
                    if (stored.record().isEmpty()) {
                        return CompletableFuture.completedFuture(
                                new GroupInfo(conversationId, "", false, stored.muted(), List.of()));
                    }
                    ConversationRecord conv = stored.record().get();
                    return Failures.chat(c.users(conv.members().stream()
                                    .map(MemberRecord::userId)
                                    .toList()))
                            .thenApply(users -> new GroupInfo(
                                    conversationId,
                                    conv.title(),
                                    conv.active(),
                                    stored.muted(),
                                    members(conv.members(), users)));
                });
    }

    @Override
    public CompletableFuture<Long> createGroup(String title, List<String> accounts) {
        return Failures.chat(client.get().createGroup(title, accounts)).thenApply(ConversationRecord::id);
    }

    @Override
    public CompletableFuture<Void> rename(long conversationId, String title) {
        return done(client.get().renameGroup(conversationId, title));
    }

    @Override
    public CompletableFuture<Void> addMembers(long conversationId, List<String> accounts) {
        return done(client.get().addMembers(conversationId, accounts));
    }

    @Override
    public CompletableFuture<Void> removeMember(long conversationId, String account) {
        return done(client.get().removeMember(conversationId, account));
    }

    @Override
    public CompletableFuture<Void> setRole(long conversationId, long userId, MemberRole role) {
        im.magpie.protocol.v1.MemberRole wire = switch (role) {
            case OWNER -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_OWNER;
            case ADMIN -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_ADMIN;
            case MEMBER -> im.magpie.protocol.v1.MemberRole.MEMBER_ROLE_MEMBER;
        };
        return done(client.get().setMemberRole(conversationId, userId, wire));
    }

    @Override
    public CompletableFuture<Void> leave(long conversationId) {
        return done(client.get().leaveGroup(conversationId));
    }

    @Override
    public CompletableFuture<Void> setMuted(long conversationId, boolean muted) {
        return Failures.chat(client.get().setMuted(conversationId, muted));
    }

    @Override
    public CompletableFuture<Long> openChat(Contact contact) {
        MagpieClient c = client.get();
        CompletableFuture<ConversationRecord> opened =
                contact.userId() == c.userId() ? c.openSelf() : c.openDirect(contact.account());
        return Failures.chat(opened.thenApply(ConversationRecord::id));
    }

    @Override
    public CompletableFuture<Map<Long, Presence>> watchPresence(Collection<Long> userIds) {
        return Failures.chat(client.get().watchPresence(userIds)).thenApply(BackendContacts::presence);
    }

    @Override
    public CompletableFuture<Void> unwatchPresence(Collection<Long> userIds) {
        return Failures.chat(client.get().unwatchPresence(userIds));
    }

    @Override
    public void addListener(GroupEvents listener) {
        ClientListener l = new ClientListener() {
            @Override
            public void onConversationsChanged(List<ConversationRecord> conversations) {
                listener.groupsChanged();
            }

            @Override
            public void onEntries(List<EntryRecord> entries) {
                listener.groupsChanged(); // membership entries, and mute settings in the SELF conversation
            }

            @Override
            public void onPresence(List<UserPresence> presence) {
                listener.presenceChanged(BackendContacts.presence(presence));
            }
        };
        if (listeners.putIfAbsent(listener, l) == null) {
            client.get().addListener(l);
        }
    }

    @Override
    public void removeListener(GroupEvents listener) {
        ClientListener l = listeners.remove(listener);
        if (l != null) {
            client.get().removeListener(l);
        }
    }

    private static CompletableFuture<Void> done(CompletableFuture<ConversationRecord> change) {
        return Failures.chat(change).thenApply(r -> null);
    }
}
