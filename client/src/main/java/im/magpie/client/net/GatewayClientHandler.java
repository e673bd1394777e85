package im.magpie.client.net;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.Ping;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of the client pipeline: routes replies to their pending request, hands pushes to the
 * {@link PushListener} on the callback executor, and sends heartbeats. The notifications of one read from the socket
 * are handed over together, in one task (so that the sync engine applies them in one transaction). A connection that
 * received nothing for {@link #MAX_MISSED_PONGS} heartbeat intervals is closed.
 */
final class GatewayClientHandler extends SimpleChannelInboundHandler<Envelope> {
    /** Heartbeats without any frame from the server after which the connection is considered dead. */
    static final int MAX_MISSED_PONGS = 3;

    private static final Logger log = LoggerFactory.getLogger(GatewayClientHandler.class);

    private final PendingRequests pending;
    private final PushListener push;
    private final Executor callbacks;
    private int unanswered;
    /** Notifications of the current read, not yet handed to the callback executor. */
    private List<Notification> notifications = new ArrayList<>();

    private @Nullable ScheduledFuture<?> heartbeat;

    GatewayClientHandler(PendingRequests pending, PushListener push, Executor callbacks) {
        this.pending = pending;
        this.push = push;
        this.callbacks = callbacks;
    }

    /** Starts pinging every {@code interval}; call from any thread once Welcome arrived. */
    void startHeartbeat(ChannelHandlerContext ctx, Duration interval) {
        ctx.executor().execute(() -> {
            if (heartbeat == null && ctx.channel().isActive()) {
                long ms = Math.max(interval.toMillis(), 100);
                heartbeat = ctx.executor().scheduleAtFixedRate(() -> tick(ctx), ms, ms, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void tick(ChannelHandlerContext ctx) {
        if (unanswered >= MAX_MISSED_PONGS) {
            log.debug("closing gateway connection after {} unanswered heartbeats", unanswered);
            ChannelFuture unused = ctx.close();
            return;
        }
        unanswered++;
        Envelope ping = Envelope.newBuilder()
                .setRequestId(pending.nextId())
                .setPing(Ping.getDefaultInstance())
                .build();
        ctx.writeAndFlush(ping).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope frame) {
        unanswered = 0;
        if (frame.getRequestId() != 0) {
            pending.complete(frame);
            return;
        }
        if (frame.getBodyCase() == Envelope.BodyCase.NOTIFICATION) {
            notifications.add(frame.getNotification());
            return;
        }
        handOverNotifications(); // keeps the pushes in order
        switch (frame.getBodyCase()) {
            case PRESENCE_UPDATE -> callbacks.execute(() -> push.onPresence(frame.getPresenceUpdate()));
            case KICKED -> callbacks.execute(() -> push.onKicked(frame.getKicked()));
            case REMOTE_WIPE -> callbacks.execute(() -> push.onRemoteWipe(frame.getRemoteWipe()));
            default -> log.debug("ignoring push {}", frame.getBodyCase());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        handOverNotifications();
        super.channelReadComplete(ctx);
    }

    private void handOverNotifications() {
        if (notifications.isEmpty()) {
            return;
        }
        List<Notification> batch = notifications;
        notifications = new ArrayList<>();
        callbacks.execute(() -> batch.forEach(push::onNotification));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handOverNotifications();
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        pending.failAll(new ConnectionClosedException("the connection to the server closed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("gateway connection failed: {}", cause.toString());
        ChannelFuture unused = ctx.close();
    }
}
