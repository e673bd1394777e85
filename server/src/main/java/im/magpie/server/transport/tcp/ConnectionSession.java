package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.PresenceUpdate;
import im.magpie.server.account.UserId;
import im.magpie.server.presence.PresenceState;
import im.magpie.server.presence.PresenceSubscriber;
import im.magpie.server.push.DeviceConnection;
import im.magpie.server.push.OnlineDevice;
import im.magpie.server.session.LoginAttempt;
import im.magpie.server.session.Session;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Map;

/**
 * A logged-in connection: its session, its entry in the device registry and its presence
 * subscription. Registered on login; everything is undone when the channel closes.
 */
final class ConnectionSession implements PresenceSubscriber {
    private final GatewayDependencies deps;
    private final Session session;
    private final DeviceConnection connection;

    private ConnectionSession(GatewayDependencies deps, Session session, DeviceConnection connection) {
        this.deps = deps;
        this.session = session;
        this.connection = connection;
    }

    static ConnectionSession open(GatewayDependencies deps, Channel channel, Session session, LoginAttempt attempt) {
        OnlineDevice device = new OnlineDevice(
                session.account().id(),
                session.device(),
                attempt.platform(),
                attempt.remoteAddress(),
                deps.clock().instant());
        ConnectionSession opened =
                new ConnectionSession(deps, session, new DeviceConnection(device, channel, deps.connections()));
        deps.connections()
                .register(opened.connection)
                .filter(old -> old.channel() != channel)
                .ifPresent(old -> old.channel().close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
        deps.presence().setDevice(device.user(), device.device(), PresenceState.ONLINE);
        channel.closeFuture().addListener(f -> opened.closed());
        return opened;
    }

    Session session() {
        return session;
    }

    UserId user() {
        return session.account().id();
    }

    Channel channel() {
        return connection.channel();
    }

    /** Writes a reply (request id set) with this connection's next flush, before its notification; never blocks. */
    void reply(Envelope reply) {
        connection.reply(reply);
    }

    @Override
    public void presenceChanged(Map<UserId, PresenceState> changes) {
        PresenceUpdate.Builder update = PresenceUpdate.newBuilder();
        changes.forEach((user, state) -> update.addUsers(PresenceMapper.toProto(user, state)));
        connection
                .channel()
                .writeAndFlush(Envelope.newBuilder().setPresenceUpdate(update).build())
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void closed() {
        deps.presence().unsubscribe(this);
        deps.connections().unregister(connection);
        OnlineDevice device = connection.device();
        if (deps.connections().of(device.user(), device.device()).isEmpty()) {
            deps.presence().deviceOffline(device.user(), device.device());
        }
    }
}
