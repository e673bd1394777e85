package im.magpie.desktop.contacts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the contacts section asks of the client library. Calls return at once; futures complete off the FX thread.
 */
public interface ContactsPort {
    long selfUserId();

    /** Up to {@code limit} people from the local cache matching {@code query} (blank: everyone in name order). */
    CompletableFuture<List<Contact>> search(String query, int limit);

    /**
     * Up to {@code limit} people the user writes to most in direct chats, most used first (feature M14; this device's
     * counts, seeded from the stored history on first use).
     */
    CompletableFuture<List<Contact>> frequent(int limit);

    /** How many people the local cache holds. */
    CompletableFuture<Integer> count();

    /** Fetches the directory from the server into the local cache; completes with how many people it holds. */
    CompletableFuture<Integer> refresh();

    /**
     * Watches the presence of {@code userIds} (replacing the previous set); completes with their current state.
     * Changes arrive at the listener added with {@link #addPresenceListener}.
     */
    CompletableFuture<Map<Long, Presence>> watchPresence(List<Long> userIds);

    void addPresenceListener(Consumer<Map<Long, Presence>> listener);

    void removePresenceListener(Consumer<Map<Long, Presence>> listener);

    /** Opens (creating when needed) the direct chat with the contact; the user's own entry opens the file transfer
     * assistant. Completes with the conversation id. */
    CompletableFuture<Long> openChat(Contact contact);
}
