package im.magpie.server.push;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.EventPublisher;
import java.util.Collection;

/**
 * Tells every connected device of the audience that a conversation advanced. Never blocks: it
 * records the highest seq per conversation on each connection and lets the connection's event
 * loop write one coalesced {@code Notification}.
 */
public final class NotificationPublisher implements EventPublisher {
    private final DeviceConnections connections;

    public NotificationPublisher(DeviceConnections connections) {
        this.connections = connections;
    }

    @Override
    public void conversationAdvanced(ConversationId conversation, long seq, Collection<UserId> audience) {
        for (UserId user : audience) {
            for (DeviceConnection connection : connections.of(user)) {
                connection.advanced(conversation.value(), seq);
            }
        }
    }
}
