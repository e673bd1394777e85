package im.magpie.server.push;

import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registry of logged-in connections: user → device → connection. Used only by push and transport.tcp. */
public final class DeviceConnections {
    private final Map<UserId, Map<DeviceId, DeviceConnection>> byUser = new ConcurrentHashMap<>();
    private final HeldFlushes flushes = new HeldFlushes();

    /** The connections' flush scheduling (see {@link HeldFlushes}). */
    HeldFlushes flushes() {
        return flushes;
    }

    /** Registers a connection; returns the connection it replaces (the same device connected again), if any. */
    public Optional<DeviceConnection> register(DeviceConnection connection) {
        OnlineDevice device = connection.device();
        return Optional.ofNullable(byUser.computeIfAbsent(device.user(), u -> new ConcurrentHashMap<>())
                .put(device.device(), connection));
    }

    /** Removes the connection if it is still the registered one for its device. */
    public void unregister(DeviceConnection connection) {
        OnlineDevice device = connection.device();
        byUser.computeIfPresent(device.user(), (user, devices) -> {
            devices.remove(device.device(), connection);
            return devices.isEmpty() ? null : devices;
        });
    }

    public Collection<DeviceConnection> of(UserId user) {
        Map<DeviceId, DeviceConnection> devices = byUser.get(user);
        return devices == null ? List.of() : List.copyOf(devices.values());
    }

    public Optional<DeviceConnection> of(UserId user, DeviceId device) {
        Map<DeviceId, DeviceConnection> devices = byUser.get(user);
        return devices == null ? Optional.empty() : Optional.ofNullable(devices.get(device));
    }

    public List<DeviceConnection> all() {
        List<DeviceConnection> all = new ArrayList<>();
        byUser.values().forEach(devices -> all.addAll(devices.values()));
        return all;
    }
}
