package im.magpie.client;

import im.magpie.client.net.RequestFailedException;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.protocol.v1.SubscriptionChange;
import im.magpie.protocol.v1.UserPresence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The users whose presence this client watches, counted per watcher so that several views (the contacts list, a
 * group's members) watch people independently. Each {@link #watch} adds one count per user and each {@link #unwatch}
 * takes one away; the server hears an ADD for users whose count became 1 and a REMOVE for users whose count became 0.
 * After a reconnect, {@link #renew} sends one REPLACE with every watched user. {@link #replaceDefault} keeps the older
 * "replace the subscription" call working on top of the counts.
 */
final class PresenceWatches {
    /** The server's cap on one connection's watched users. */
    static final int MAX_USERS = 5_000;

    private final Function<SubscribePresenceRequest.Builder, CompletableFuture<List<UserPresence>>> send;
    private final Map<Long, Integer> counts = new HashMap<>();
    private List<Long> defaultSet = List.of();

    PresenceWatches(Function<SubscribePresenceRequest.Builder, CompletableFuture<List<UserPresence>>> send) {
        this.send = send;
    }

    /**
     * Watches {@code userIds} once more; completes with their presence now. Fails with {@link PresenceLimitException}
     * (and watches nothing more) when the client would watch more than {@link #MAX_USERS} users.
     */
    CompletableFuture<List<UserPresence>> watch(Collection<Long> userIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(userIds));
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        synchronized (this) {
            long fresh = ids.stream().filter(id -> !counts.containsKey(id)).count();
            if (counts.size() + fresh > MAX_USERS) {
                return CompletableFuture.failedFuture(new PresenceLimitException(counts.size(), fresh));
            }
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return send.apply(request(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, ids))
                .whenComplete((snapshot, failure) -> {
                    if (failure != null && tooLarge(failure)) {
                        var unused = unwatch(ids); // the server kept nothing of this call
                    }
                });
    }

    /** Ends one {@link #watch} of {@code userIds}; users nobody watches any more are removed on the server. */
    CompletableFuture<Void> unwatch(Collection<Long> userIds) {
        List<Long> gone = new ArrayList<>();
        synchronized (this) {
            for (long id : new LinkedHashSet<>(userIds)) {
                Integer n = counts.get(id);
                if (n == null) {
                    continue;
                }
                if (n == 1) {
                    counts.remove(id);
                    gone.add(id);
                } else {
                    counts.put(id, n - 1);
                }
            }
        }
        if (gone.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return send.apply(request(SubscriptionChange.SUBSCRIPTION_CHANGE_REMOVE, gone))
                .thenApply(snapshot -> null);
    }

    /** The older call: replaces this client's default watch (users it shares with other watchers stay watched). */
    CompletableFuture<List<UserPresence>> replaceDefault(List<Long> userIds) {
        List<Long> old;
        synchronized (this) {
            old = defaultSet;
            defaultSet = List.copyOf(userIds);
        }
        CompletableFuture<List<UserPresence>> added = watch(userIds);
        var unused = unwatch(old);
        return added;
    }

    /** Sends every watched user again (a new connection starts with an empty set); null when none is watched. */
    CompletableFuture<List<UserPresence>> renew() {
        List<Long> all;
        synchronized (this) {
            all = List.copyOf(counts.keySet());
        }
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return send.apply(request(SubscriptionChange.SUBSCRIPTION_CHANGE_REPLACE, all));
    }

    synchronized int watched() {
        return counts.size();
    }

    private static SubscribePresenceRequest.Builder request(SubscriptionChange change, List<Long> ids) {
        return SubscribePresenceRequest.newBuilder().setChange(change).addAllUserIds(ids);
    }

    private static boolean tooLarge(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RequestFailedException r && r.code() == ErrorCode.ERROR_CODE_TOO_LARGE;
    }
}
