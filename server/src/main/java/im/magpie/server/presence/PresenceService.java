package im.magpie.server.presence;

import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-memory presence: each connected device is ONLINE or AWAY; a user's presence is the best of its
 * devices, OFFLINE with none. Subscribers get a change only when a watched user's presence changes.
 */
public final class PresenceService {
    /** The most users one subscriber may watch. */
    public static final int MAX_SUBSCRIPTION = 5_000;

    private final Object lock = new Object();
    private final Map<UserId, Map<DeviceId, PresenceState>> devices = new HashMap<>();
    private final Map<PresenceSubscriber, Set<UserId>> subscriptions = new HashMap<>();
    private final Map<UserId, Set<PresenceSubscriber>> watchers = new HashMap<>();

    /** Sets a connected device's own state (ONLINE or AWAY; OFFLINE means the device went away). */
    public void setDevice(UserId user, DeviceId device, PresenceState state) {
        List<PresenceSubscriber> notify;
        PresenceState after;
        synchronized (lock) {
            PresenceState before = presenceLocked(user);
            Map<DeviceId, PresenceState> states = devices.computeIfAbsent(user, u -> new HashMap<>());
            if (state == PresenceState.OFFLINE) {
                states.remove(device);
                if (states.isEmpty()) {
                    devices.remove(user);
                }
            } else {
                states.put(device, state);
            }
            after = presenceLocked(user);
            notify = before == after ? List.of() : List.copyOf(watchers.getOrDefault(user, Set.of()));
        }
        Map<UserId, PresenceState> change = Map.of(user, after);
        notify.forEach(s -> s.presenceChanged(change));
    }

    public void deviceOffline(UserId user, DeviceId device) {
        setDevice(user, device, PresenceState.OFFLINE);
    }

    /** Replaces the subscriber's watched set and returns the current presence of those users. */
    public Map<UserId, PresenceState> subscribe(PresenceSubscriber subscriber, Collection<UserId> users) {
        if (users.size() > MAX_SUBSCRIPTION) {
            throw new IllegalArgumentException("at most " + MAX_SUBSCRIPTION + " users per subscription");
        }
        synchronized (lock) {
            unsubscribeLocked(subscriber);
            Set<UserId> watched = new HashSet<>(users);
            subscriptions.put(subscriber, watched);
            Map<UserId, PresenceState> snapshot = new LinkedHashMap<>();
            for (UserId user : watched) {
                watchers.computeIfAbsent(user, u -> new HashSet<>()).add(subscriber);
                snapshot.put(user, presenceLocked(user));
            }
            return snapshot;
        }
    }

    /**
     * Adds users to the subscriber's watched set (users already watched stay) and returns the current presence of
     * {@code users}. Fails, changing nothing, when the set would hold more than {@link #MAX_SUBSCRIPTION} users.
     */
    public Map<UserId, PresenceState> add(PresenceSubscriber subscriber, Collection<UserId> users)
            throws SubscriptionFullException {
        synchronized (lock) {
            Set<UserId> watched = subscriptions.getOrDefault(subscriber, Set.of());
            Set<UserId> fresh = new HashSet<>(users);
            fresh.removeAll(watched);
            if (watched.size() + fresh.size() > MAX_SUBSCRIPTION) {
                throw new SubscriptionFullException("watching " + watched.size() + " users, adding " + fresh.size()
                        + " would pass the limit of " + MAX_SUBSCRIPTION);
            }
            Set<UserId> set = subscriptions.computeIfAbsent(subscriber, s -> new HashSet<>());
            Map<UserId, PresenceState> snapshot = new LinkedHashMap<>();
            for (UserId user : users) {
                if (set.add(user)) {
                    watchers.computeIfAbsent(user, u -> new HashSet<>()).add(subscriber);
                }
                snapshot.put(user, presenceLocked(user));
            }
            return snapshot;
        }
    }

    /** Takes users out of the subscriber's watched set; users it does not watch are ignored. */
    public void remove(PresenceSubscriber subscriber, Collection<UserId> users) {
        synchronized (lock) {
            Set<UserId> set = subscriptions.get(subscriber);
            if (set == null) {
                return;
            }
            for (UserId user : users) {
                if (set.remove(user)) {
                    Set<PresenceSubscriber> w = watchers.get(user);
                    if (w != null && w.remove(subscriber) && w.isEmpty()) {
                        watchers.remove(user);
                    }
                }
            }
            if (set.isEmpty()) {
                subscriptions.remove(subscriber);
            }
        }
    }

    /** How many users the subscriber watches. */
    public int watchedBy(PresenceSubscriber subscriber) {
        synchronized (lock) {
            return subscriptions.getOrDefault(subscriber, Set.of()).size();
        }
    }

    public void unsubscribe(PresenceSubscriber subscriber) {
        synchronized (lock) {
            unsubscribeLocked(subscriber);
        }
    }

    public PresenceState presenceOf(UserId user) {
        synchronized (lock) {
            return presenceLocked(user);
        }
    }

    private void unsubscribeLocked(PresenceSubscriber subscriber) {
        Set<UserId> old = subscriptions.remove(subscriber);
        if (old == null) {
            return;
        }
        for (UserId user : old) {
            Set<PresenceSubscriber> set = watchers.get(user);
            if (set != null && set.remove(subscriber) && set.isEmpty()) {
                watchers.remove(user);
            }
        }
    }

    private PresenceState presenceLocked(UserId user) {
        Map<DeviceId, PresenceState> states = devices.get(user);
        if (states == null || states.isEmpty()) {
            return PresenceState.OFFLINE;
        }
        Map<PresenceState, Boolean> seen = new EnumMap<>(PresenceState.class);
        states.values().forEach(s -> seen.put(s, true));
        return seen.containsKey(PresenceState.ONLINE) ? PresenceState.ONLINE : PresenceState.AWAY;
    }
}
