package im.magpie.desktop.group;

import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the group screens ask of the client library. Calls return at once; futures complete off the FX thread (view
 * models hop back with their executor). Membership changes complete once the server accepted them; what other
 * devices and users change arrives as {@link GroupEvents#groupsChanged()}.
 */
public interface GroupPort {
    long selfUserId();

    /** Up to {@code limit} colleagues matching {@code query} (name, account, full pinyin, initials); blank: all. */
    CompletableFuture<List<Contact>> searchPeople(String query, int limit);

    /** Fetches everyone the user may see from the server into the people cache; completes with how many. */
    CompletableFuture<Integer> refreshPeople();

    /** One person from the people cache (the server when the cache lacks them); empty when unknown. */
    CompletableFuture<Optional<Contact>> person(long userId);

    /** The group as this device knows it now: title, the user's mute setting, members with roles. */
    CompletableFuture<GroupInfo> group(long conversationId);

    /** Creates a group of the user and {@code accounts}; completes with its conversation id. */
    CompletableFuture<Long> createGroup(String title, List<String> accounts);

    CompletableFuture<Void> rename(long conversationId, String title);

    CompletableFuture<Void> addMembers(long conversationId, List<String> accounts);

    CompletableFuture<Void> removeMember(long conversationId, String account);

    /** Owner only: makes a member an admin or a plain member again; OWNER hands the group over. */
    CompletableFuture<Void> setRole(long conversationId, long userId, MemberRole role);

    CompletableFuture<Void> leave(long conversationId);

    /** Mutes (do not disturb) or unmutes the group on all of the user's devices. */
    CompletableFuture<Void> setMuted(long conversationId, boolean muted);

    /** Opens (creating when needed) the direct chat with the person; completes with its conversation id. */
    CompletableFuture<Long> openChat(Contact contact);

    /**
     * Watches the presence of {@code userIds} in addition to what other screens watch; completes with their presence
     * now. Changes arrive as {@link GroupEvents#presenceChanged}. Pair with {@link #unwatchPresence}.
     */
    CompletableFuture<Map<Long, Presence>> watchPresence(Collection<Long> userIds);

    CompletableFuture<Void> unwatchPresence(Collection<Long> userIds);

    void addListener(GroupEvents listener);

    void removeListener(GroupEvents listener);
}
