package im.magpie.desktop.backend;

import im.magpie.client.ClientListener;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.PersonRecord;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.ContactsPort;
import im.magpie.desktop.contacts.Presence;
import im.magpie.protocol.v1.UserPresence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ContactsPort} over the client library's people cache and presence. Searches run on their own thread (the
 * first one builds the in-memory index), so they never queue behind store reads of the chat.
 */
final class BackendContacts implements ContactsPort {
    /** How many of the most used conversations are looked at to find the most used direct chats. */
    private static final int FREQUENT_CONVERSATIONS = 200;

    private final Supplier<MagpieClient> client;
    private final Executor people;
    private final Map<Consumer<Map<Long, Presence>>, ClientListener> listeners = new ConcurrentHashMap<>();

    BackendContacts(Supplier<MagpieClient> client, Executor people) {
        this.client = client;
        this.people = people;
    }

    @Override
    public long selfUserId() {
        return client.get().userId();
    }

    @Override
    public CompletableFuture<List<Contact>> search(String query, int limit) {
        return search(client, query, limit, people);
    }

    /** People search in the client's people cache, on the people thread (also what the group screens use). */
    static CompletableFuture<List<Contact>> search(
            Supplier<MagpieClient> client, String query, int limit, Executor people) {
        return CompletableFuture.supplyAsync(
                () -> client.get().searchPeople(query, limit).stream()
                        .map(BackendContacts::contact)
                        .toList(),
                people);
    }

    @Override
    public CompletableFuture<List<Contact>> frequent(int limit) {
        return CompletableFuture.supplyAsync(
                () -> {
                    MagpieClient c = client.get();
                    List<Contact> out = new ArrayList<>();
                    for (ConversationRecord conversation : c.frequentConversations(FREQUENT_CONVERSATIONS)) {
                        if (!"DIRECT".equals(conversation.kind())) {
                            continue;
                        }
                        conversation.members().stream()
                                .filter(m -> m.userId() != c.userId())
                                .findFirst()
                                .flatMap(m -> c.person(m.userId()))
                                .ifPresent(p -> out.add(contact(p)));
                        if (out.size() == limit) {
                            break;
                        }
                    }
                    return out;
                },
                people);
    }

    @Override
    public CompletableFuture<Integer> count() {
        return CompletableFuture.supplyAsync(() -> client.get().peopleCount(), people);
    }

    @Override
    public CompletableFuture<Integer> refresh() {
        return client.get().refreshPeople();
    }

    @Override
    public CompletableFuture<Map<Long, Presence>> watchPresence(List<Long> userIds) {
        return client.get().subscribePresence(userIds).thenApply(BackendContacts::presence);
    }

    @Override
    public void addPresenceListener(Consumer<Map<Long, Presence>> listener) {
        ClientListener l = new ClientListener() {
            @Override
            public void onPresence(List<UserPresence> presence) {
                listener.accept(presence(presence));
            }
        };
        listeners.put(listener, l);
        client.get().addListener(l);
    }

    @Override
    public void removePresenceListener(Consumer<Map<Long, Presence>> listener) {
        ClientListener l = listeners.remove(listener);
        if (l != null) {
            client.get().removeListener(l);
        }
    }

    @Override
    public CompletableFuture<Long> openChat(Contact contact) {
        MagpieClient c = client.get();
        CompletableFuture<ConversationRecord> opened =
                contact.userId() == c.userId() ? c.openSelf() : c.openDirect(contact.account());
        return Failures.chat(opened.thenApply(ConversationRecord::id));
    }

    static Contact contact(PersonRecord p) {
        return new Contact(p.userId(), p.account(), p.displayName(), p.signature());
    }

    static Map<Long, Presence> presence(List<UserPresence> list) {
        Map<Long, Presence> out = new HashMap<>();
        for (UserPresence p : list) {
            out.put(
                    p.getUserId(),
                    switch (p.getPresence()) {
                        case PRESENCE_ONLINE -> Presence.ONLINE;
                        case PRESENCE_AWAY -> Presence.AWAY;
                        case PRESENCE_OFFLINE -> Presence.OFFLINE;
                        default -> Presence.UNKNOWN;
                    });
        }
        return out;
    }
}
