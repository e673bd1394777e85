package im.magpie.desktop.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The display names of the people one chat shows (senders, members a notice is about, authors of quoted messages),
 * asked once per person as pages arrive. Filled on the FX thread; read there and by the page loads on
 * client threads.
 */
final class SenderNames {
    private final ChatPort port;
    private final long self;
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    SenderNames(ChatPort port, long self) {
        this.port = port;
        this.self = self;
    }

    /** The display name of a user: known name, else "#id". */
    String name(long userId) {
        return names.getOrDefault(userId, "#" + userId);
    }

    /**
     * Asks for the names that {@code stored} needs and are not known yet (and the user's own); the future completes
     * on a client thread, its map goes to {@link #addAll} on the FX thread.
     */
    CompletableFuture<Map<Long, String>> missing(List<Message> stored) {
        Set<Long> ids = new HashSet<>();
        stored.forEach(m -> {
            ids.add(m.senderId());
            if (m.content() instanceof Content.Notice n) {
                ids.addAll(n.users());
            }
            Quote q = m.content() instanceof Content.Text t ? t.quote() : null;
            if (q != null) {
                ids.add(q.senderId());
            }
        });
        ids.removeAll(names.keySet());
        ids.add(self);
        return port.displayNames(ids);
    }

    void addAll(Map<Long, String> found) {
        names.putAll(found);
    }
}
