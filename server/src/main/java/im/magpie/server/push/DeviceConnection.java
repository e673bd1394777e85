package im.magpie.server.push;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Notification;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One logged-in connection and what is due to it but not yet written: replies to its requests, and its pending
 * notifications ({conversation → highest seq and the inline entries leading to it}). At most one flush is scheduled
 * on the channel's event loop at a time; it writes the replies, then one {@code Notification} frame, and flushes
 * once, so a burst of commits (and a send's reply with the notification of the same commit, see {@link
 * HeldFlushes}) leaves in one write. A failed write reaches the pipeline's exception handler, which closes the
 * connection.
 */
public final class DeviceConnection {
    private final OnlineDevice device;
    private final Channel channel;
    private final HeldFlushes flushes;
    private @Nullable List<Envelope> replies; // guarded by this; null while there are none
    private Map<Long, InlineEntries> pending = new HashMap<>(); // guarded by this
    private boolean flushScheduled; // guarded by this

    /** {@code registry}: where the connection will be registered (its flushes are scheduled through it). */
    public DeviceConnection(OnlineDevice device, Channel channel, DeviceConnections registry) {
        this.device = device;
        this.channel = channel;
        this.flushes = registry.flushes();
    }

    public OnlineDevice device() {
        return device;
    }

    public Channel channel() {
        return channel;
    }

    /** Queues a reply frame (request id set) for the next flush, before any notification of that flush; never blocks. */
    public void reply(Envelope reply) {
        boolean schedule;
        synchronized (this) {
            List<Envelope> due = replies;
            if (due == null) {
                due = new ArrayList<>(2);
                replies = due;
            }
            due.add(reply);
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            flushes.schedule(this);
        }
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
            flushes.schedule(this);
        }
    }

    /** Hands the flush to the channel's event loop (called once per scheduled flush, see {@link HeldFlushes}). */
    void startFlush() {
        channel.eventLoop().execute(this::flush);
    }

    private void flush() {
        @Nullable List<Envelope> answers;
        Map<Long, InlineEntries> due = Map.of();
        synchronized (this) {
            answers = replies;
            replies = null;
            if (!pending.isEmpty()) {
                due = pending;
                pending = new HashMap<>();
            }
            flushScheduled = false;
        }
        if (!channel.isActive()) {
            return;
        }
        if (answers != null) {
            for (Envelope reply : answers) {
                ChannelFuture unused = channel.write(reply, channel.voidPromise());
            }
        }
        if (!due.isEmpty()) {
            ChannelFuture unused = channel.write(
                    Envelope.newBuilder().setNotification(notification(due)).build(), channel.voidPromise());
        }
        channel.flush();
    }

    private static Notification.Builder notification(Map<Long, InlineEntries> due) {
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
        return notification;
    }
}
