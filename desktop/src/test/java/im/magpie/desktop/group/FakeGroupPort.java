package im.magpie.desktop.group;

import im.magpie.desktop.chat.ChatException;
import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link GroupPort}: people and groups set by the test, changes applied at once with the server's role
 * rules (so a refused change can be seen), presence watches counted.
 */
final class FakeGroupPort implements GroupPort {
    final long self;
    final List<Contact> people = new ArrayList<>();
    /** People the server has that the cache does not hold yet (until {@link #refreshPeople()}). */
    final List<Contact> directory = new ArrayList<>();

    final Map<Long, GroupInfo> groups = new HashMap<>();
    final Map<Long, Presence> presence = new HashMap<>();
    final Map<Long, Integer> watches = new HashMap<>();
    final List<GroupEvents> listeners = new CopyOnWriteArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<Long> opened = new ArrayList<>();
    /** The next change fails with this kind (once); null: changes succeed. */
    @Nullable
    ChatFailureKind failNext;

    long nextGroupId = 500;

    FakeGroupPort(long self) {
        this.self = self;
    }

    @Override
    public long selfUserId() {
        return self;
    }

    @Override
    public CompletableFuture<List<Contact>> searchPeople(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return CompletableFuture.completedFuture(people.stream()
                .filter(c -> q.isEmpty()
                        || c.displayName().toLowerCase(Locale.ROOT).contains(q)
                        || c.account().contains(q))
                .limit(limit)
                .toList());
    }

    @Override
    public CompletableFuture<Integer> refreshPeople() {
        calls.add("refresh people");
        people.addAll(directory);
        directory.clear();
        return CompletableFuture.completedFuture(people.size());
    }

    @Override
    public CompletableFuture<Optional<Contact>> person(long userId) {
        return CompletableFuture.completedFuture(
                people.stream().filter(c -> c.userId() == userId).findFirst());
    }

    @Override
    public CompletableFuture<GroupInfo> group(long conversationId) {
        GroupInfo g = groups.get(conversationId);
        return g == null
                ? CompletableFuture.completedFuture(new GroupInfo(conversationId, "", false, false, List.of()))
                : CompletableFuture.completedFuture(g);
    }

    @Override
    public CompletableFuture<Long> createGroup(String title, List<String> accounts) {
        calls.add("create " + title + " " + accounts);
        CompletableFuture<Long> failed = failure();
        if (failed != null) {
            return failed;
        }
        long id = nextGroupId++;
        List<Member> members = new ArrayList<>();
        members.add(member(self, MemberRole.OWNER));
        accounts.forEach(a -> members.add(member(account(a).userId(), MemberRole.MEMBER)));
        groups.put(id, new GroupInfo(id, title, true, false, members));
        return CompletableFuture.completedFuture(id);
    }

    @Override
    public CompletableFuture<Void> rename(long conversationId, String title) {
        calls.add("rename " + title);
        return change(conversationId, g -> new GroupInfo(g.id(), title, true, g.muted(), g.members()));
    }

    @Override
    public CompletableFuture<Void> addMembers(long conversationId, List<String> accounts) {
        calls.add("add " + accounts);
        return change(conversationId, g -> {
            List<Member> members = new ArrayList<>(g.members());
            accounts.forEach(a -> members.add(member(account(a).userId(), MemberRole.MEMBER)));
            return new GroupInfo(g.id(), g.title(), true, g.muted(), members);
        });
    }

    @Override
    public CompletableFuture<Void> removeMember(long conversationId, String account) {
        calls.add("remove " + account);
        return change(
                conversationId,
                g -> new GroupInfo(
                        g.id(),
                        g.title(),
                        true,
                        g.muted(),
                        g.members().stream()
                                .filter(m -> !m.account().equals(account))
                                .toList()));
    }

    @Override
    public CompletableFuture<Void> setRole(long conversationId, long userId, MemberRole role) {
        calls.add("role " + userId + " " + role);
        return change(
                conversationId,
                g -> new GroupInfo(
                        g.id(),
                        g.title(),
                        true,
                        g.muted(),
                        g.members().stream()
                                .map(m -> m.userId() == userId
                                        ? new Member(m.userId(), m.name(), m.account(), role)
                                        : role == MemberRole.OWNER && m.userId() == self
                                                ? new Member(m.userId(), m.name(), m.account(), MemberRole.ADMIN)
                                                : m)
                                .toList()));
    }

    @Override
    public CompletableFuture<Void> leave(long conversationId) {
        calls.add("leave");
        return change(conversationId, g -> new GroupInfo(g.id(), g.title(), false, g.muted(), g.members()));
    }

    @Override
    public CompletableFuture<Void> setMuted(long conversationId, boolean muted) {
        calls.add("mute " + muted);
        return change(conversationId, g -> new GroupInfo(g.id(), g.title(), g.active(), muted, g.members()));
    }

    @Override
    public CompletableFuture<Long> openChat(Contact contact) {
        calls.add("open " + contact.account());
        opened.add(contact.userId());
        return CompletableFuture.completedFuture(1000 + contact.userId());
    }

    @Override
    public CompletableFuture<Map<Long, Presence>> watchPresence(Collection<Long> userIds) {
        Map<Long, Presence> now = new HashMap<>();
        for (long id : userIds) {
            watches.merge(id, 1, Integer::sum);
            now.put(id, presence.getOrDefault(id, Presence.OFFLINE));
        }
        return CompletableFuture.completedFuture(now);
    }

    @Override
    public CompletableFuture<Void> unwatchPresence(Collection<Long> userIds) {
        for (long id : userIds) {
            watches.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void addListener(GroupEvents listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(GroupEvents listener) {
        listeners.remove(listener);
    }

    /** Another device or member changed the group. */
    void changedElsewhere(GroupInfo g) {
        groups.put(g.id(), g);
        listeners.forEach(GroupEvents::groupsChanged);
    }

    void presenceChanged(long userId, Presence p) {
        presence.put(userId, p);
        listeners.forEach(l -> l.presenceChanged(Map.of(userId, p)));
    }

    Contact account(String account) {
        return people.stream()
                .filter(c -> c.account().equals(account))
                .findFirst()
                .orElseThrow();
    }

    Member member(long userId, MemberRole role) {
        Contact c =
                people.stream().filter(p -> p.userId() == userId).findFirst().orElseThrow();
        return new Member(userId, c.displayName(), c.account(), role);
    }

    private <T> @Nullable CompletableFuture<T> failure() {
        ChatFailureKind kind = failNext;
        if (kind == null) {
            return null;
        }
        failNext = null;
        return CompletableFuture.failedFuture(new ChatException(kind, "refused", new IllegalStateException()));
    }

    private CompletableFuture<Void> change(long id, java.util.function.UnaryOperator<GroupInfo> f) {
        CompletableFuture<Void> failed = failure();
        if (failed != null) {
            return failed;
        }
        groups.put(id, f.apply(groups.get(id)));
        return CompletableFuture.completedFuture(null);
    }
}
