package im.magpie.server.push;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Notification;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One logged-in connection and its pending notifications: {conversation → highest seq and the inline
 * entries leading to it} not yet written. At most one flush is scheduled on the channel's event loop at
 * a time, so a burst of commits becomes one {@code Notification} frame.
 */
public final class DeviceConnection {
    private final OnlineDevice device;
    private final Channel channel;
    private Map<Long, InlineEntries> pending = new HashMap<>(); // guarded by this
    private boolean flushScheduled; // guarded by this

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

    /** Records that a conversation advanced, with the entries that may travel inline (or none); never blocks. */
    void advanced(long conversation, long seq, List<LogEntry> entries) {
        boolean schedule;
        synchronized (this) {
            InlineEntries known = pending.get(conversation);
            if (known == null) {
                pending.put(conversation, new InlineEntries(seq, entries));
            } else {
                known.advance(seq, entries);
            }
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            channel.eventLoop().execute(this::flush);
        }
    }

    private void flush() {
        Map<Long, InlineEntries> due;
        synchronized (this) {
            due = pending;
            pending = new HashMap<>();
            flushScheduled = false;
        }
        if (due.isEmpty() || !channel.isActive()) {
            return;
        }
        Notification.Builder notification = Notification.newBuilder();
        int budget = InlineEntries.MAX_BYTES_PER_FRAME;
        for (Map.Entry<Long, InlineEntries> advance : due.entrySet()) {
            InlineEntries entries = advance.getValue();
            boolean inline = entries.bytes() <= budget;
            if (inline) {
                budget -= entries.bytes();
            }
            notification.addConversations(entries.toProto(advance.getKey(), inline));
        }
        channel.writeAndFlush(
                        Envelope.newBuilder().setNotification(notification).build())
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
