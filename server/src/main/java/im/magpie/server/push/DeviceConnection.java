package im.magpie.server.push;

import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Notification;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One logged-in connection and its pending notifications: {conversation → highest seq} not yet
 * written. At most one flush is scheduled on the channel's event loop at a time, so a burst of
 * commits becomes one {@code Notification} frame.
 */
public final class DeviceConnection {
    private final OnlineDevice device;
    private final Channel channel;
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    public DeviceConnection(OnlineDevice device, Channel channel) {
        this.device = device;
        this.channel = channel;
    }

    public OnlineDevice device() {
        return device;
    }

    public Channel channel() {
        return channel;
    }

    /** Records that a conversation advanced; never blocks. */
    void advanced(long conversation, long seq) {
        pending.merge(conversation, seq, Math::max);
        if (flushScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::flush);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        Notification.Builder notification = Notification.newBuilder();
        for (Long conversation : List.copyOf(pending.keySet())) {
            Long seq = pending.remove(conversation);
            if (seq != null) {
                notification.addConversations(ConversationAdvanced.newBuilder()
                        .setConversationId(conversation)
                        .setSeq(seq));
            }
        }
        if (notification.getConversationsCount() > 0 && channel.isActive()) {
            channel.writeAndFlush(
                            Envelope.newBuilder().setNotification(notification).build())
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
