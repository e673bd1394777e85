package im.magpie.server.push;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.EventPublisher;
import im.magpie.server.messaging.LogEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Tells every connected device of the audience that a conversation advanced. Never blocks: it
 * records the advance on each connection and lets the connection's event loop write one coalesced
 * {@code Notification}. Entries that may travel inline (messages, recalls, read marks) are mapped
 * to protobuf once per commit and shared by every connection; any other change sends the seq alone,
 * so that devices sync and receive the new conversation state with it.
 */
public final class NotificationPublisher implements EventPublisher {
    private final DeviceConnections connections;
    private final Function<LogEntry, im.magpie.protocol.v1.LogEntry> toProto;

    /** @param toProto maps a domain entry to its wire form (the gateway's mapper) */
    public NotificationPublisher(
            DeviceConnections connections, Function<LogEntry, im.magpie.protocol.v1.LogEntry> toProto) {
        this.connections = connections;
        this.toProto = toProto;
    }

    @Override
    public void conversationAdvanced(
            ConversationId conversation, long seq, Collection<UserId> audience, List<LogEntry> entries) {
        List<im.magpie.protocol.v1.LogEntry> inline = null;
        for (UserId user : audience) {
            for (DeviceConnection connection : connections.of(user)) {
                if (inline == null) {
                    inline = inline(entries);
                }
                connection.advanced(conversation.value(), seq, inline);
            }
        }
    }

    /** Each connection the effects write to (replies, notifications) gets one flush for all of them. */
    @Override
    public void deliverTogether(Runnable effects) {
        connections.flushes().together(effects);
    }

    /** The entries in wire form when all of them may travel inline and fit the budget; otherwise empty. */
    private List<im.magpie.protocol.v1.LogEntry> inline(List<LogEntry> entries) {
        List<im.magpie.protocol.v1.LogEntry> inline = new ArrayList<>(entries.size());
        int bytes = 0;
        for (LogEntry entry : entries) {
            if (!inlinable(entry.change())) {
                return List.of();
            }
            im.magpie.protocol.v1.LogEntry proto = toProto.apply(entry);
            bytes += proto.getSerializedSize();
            if (bytes > InlineEntries.MAX_BYTES_PER_CONVERSATION) {
                return List.of();
            }
            inline.add(proto);
        }
        return List.copyOf(inline);
    }

    private static boolean inlinable(Change change) {
        return change instanceof Change.MessagePosted
                || change instanceof Change.MessageRecalled
                || change instanceof Change.ReadMarked;
    }
}
