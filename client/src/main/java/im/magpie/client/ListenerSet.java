package im.magpie.client;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.protocol.v1.UserPresence;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to the registered listeners; one failing listener does not stop the others. */
final class ListenerSet implements ClientListener {
    private static final Logger log = LoggerFactory.getLogger(ListenerSet.class);

    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();

    void add(ClientListener l) {
        listeners.add(l);
    }

    void remove(ClientListener l) {
        listeners.remove(l);
    }

    private void each(Consumer<ClientListener> call) {
        for (ClientListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.warn("a client listener failed", e);
            }
        }
    }

    @Override
    public void onEntries(List<EntryRecord> entries) {
        if (!entries.isEmpty()) {
            each(l -> l.onEntries(entries));
        }
    }

    @Override
    public void onConversationsChanged(List<ConversationRecord> conversations) {
        if (!conversations.isEmpty()) {
            each(l -> l.onConversationsChanged(conversations));
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        each(l -> l.onConnectionState(state));
    }

    @Override
    public void onSessionEnded(String reason) {
        each(l -> l.onSessionEnded(reason));
    }

    @Override
    public void onDeviceWiped(DeviceWipedException wipe, @org.jspecify.annotations.Nullable Exception error) {
        each(l -> l.onDeviceWiped(wipe, error));
    }

    @Override
    public void onPresence(List<UserPresence> presence) {
        each(l -> l.onPresence(presence));
    }

    @Override
    public void onMessageSent(String clientMessageId, long conversationId, long seq) {
        each(l -> l.onMessageSent(clientMessageId, conversationId, seq));
    }

    @Override
    public void onMessageFailed(String clientMessageId, long conversationId, String code) {
        each(l -> l.onMessageFailed(clientMessageId, conversationId, code));
    }
}
