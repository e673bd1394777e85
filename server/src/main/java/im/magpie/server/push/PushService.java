package im.magpie.server.push;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Kicked;
import im.magpie.protocol.v1.RemoteWipe;
import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import io.netty.channel.ChannelFutureListener;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Administrative pushes: end connections with a {@code Kicked} or {@code RemoteWipe} frame, list who is online. */
public final class PushService {
    private final DeviceConnections connections;

    public PushService(DeviceConnections connections) {
        this.connections = connections;
    }

    /** Writes {@code Kicked{reason}} to every connection of the user, then closes them; returns how many. */
    public int kick(UserId user, String reason) {
        int count = 0;
        for (DeviceConnection connection : connections.of(user)) {
            kick(connection, reason);
            count++;
        }
        return count;
    }

    /** Kicks one device; returns false when it was not connected. */
    public boolean kick(UserId user, DeviceId device, String reason) {
        return connections
                .of(user, device)
                .map(c -> {
                    kick(c, reason);
                    return true;
                })
                .orElse(false);
    }

    /** Writes {@code RemoteWipe} to the device's connection, then closes it; returns false when it was not connected. */
    public boolean wipe(UserId user, DeviceId device, Instant orderedAt) {
        return connections
                .of(user, device)
                .map(c -> {
                    c.channel()
                            .writeAndFlush(Envelope.newBuilder()
                                    .setRemoteWipe(RemoteWipe.newBuilder()
                                            .setDeviceId(device.value())
                                            .setOrderedAtMs(orderedAt.toEpochMilli()))
                                    .build())
                            .addListener(ChannelFutureListener.CLOSE);
                    return true;
                })
                .orElse(false);
    }

    public List<OnlineDevice> online() {
        return connections.all().stream()
                .map(DeviceConnection::device)
                .sorted(Comparator.comparing((OnlineDevice d) -> d.user().value())
                        .thenComparing(OnlineDevice::since))
                .toList();
    }

    static void kick(DeviceConnection connection, String reason) {
        connection
                .channel()
                .writeAndFlush(Envelope.newBuilder()
                        .setKicked(Kicked.newBuilder().setReason(reason))
                        .build())
                .addListener(ChannelFutureListener.CLOSE);
    }
}
