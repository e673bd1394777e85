package im.magpie.desktop.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An in-memory {@link ContactsPort}: people and presence set by the test; a plain substring search. */
final class FakeContactsPort implements ContactsPort {
    final long self;
    final List<Contact> people = new ArrayList<>();
    final List<Contact> fromServer = new ArrayList<>();
    final List<Contact> frequent = new ArrayList<>();
    final Map<Long, Presence> presence = new HashMap<>();
    final List<Consumer<Map<Long, Presence>>> listeners = new CopyOnWriteArrayList<>();
    final List<List<Long>> watched = new ArrayList<>();
    final List<Contact> opened = new ArrayList<>();
    boolean refreshFails;
    boolean openFails;

    FakeContactsPort(long self) {
        this.self = self;
    }

    @Override
    public long selfUserId() {
        return self;
    }

    @Override
    public CompletableFuture<List<Contact>> search(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return CompletableFuture.completedFuture(people.stream()
                .filter(c -> q.isEmpty()
                        || c.displayName().contains(q)
                        || c.account().contains(q))
                .limit(limit)
                .toList());
    }

    @Override
    public CompletableFuture<List<Contact>> frequent(int limit) {
        return CompletableFuture.completedFuture(frequent.stream().limit(limit).toList());
    }

    @Override
    public CompletableFuture<Integer> count() {
        return CompletableFuture.completedFuture(people.size());
    }

    @Override
    public CompletableFuture<Integer> refresh() {
        if (refreshFails) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline"));
        }
        if (!fromServer.isEmpty()) {
            people.clear();
            people.addAll(fromServer);
        }
        return CompletableFuture.completedFuture(people.size());
    }

    @Override
    public CompletableFuture<Map<Long, Presence>> watchPresence(List<Long> userIds) {
        watched.add(List.copyOf(userIds));
        Map<Long, Presence> out = new HashMap<>();
        userIds.forEach(id -> out.put(id, presence.getOrDefault(id, Presence.OFFLINE)));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public void addPresenceListener(Consumer<Map<Long, Presence>> listener) {
        listeners.add(listener);
    }

    @Override
    public void removePresenceListener(Consumer<Map<Long, Presence>> listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletableFuture<Long> openChat(Contact contact) {
        if (openFails) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline"));
        }
        opened.add(contact);
        return CompletableFuture.completedFuture(100 + contact.userId());
    }
}
