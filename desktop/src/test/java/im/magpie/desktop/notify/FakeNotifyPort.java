package im.magpie.desktop.notify;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link NotifyPort} the test drives: {@link #arrive} plays the client library storing messages. */
final class FakeNotifyPort implements NotifyPort {
    final long self;
    final List<IncomingListener> listeners = new CopyOnWriteArrayList<>();

    FakeNotifyPort(long self) {
        this.self = self;
    }

    @Override
    public long selfUserId() {
        return self;
    }

    @Override
    public void addIncomingListener(IncomingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeIncomingListener(IncomingListener listener) {
        listeners.remove(listener);
    }

    void arrive(Incoming... messages) {
        listeners.forEach(l -> l.arrived(List.of(messages)));
    }

    void recall(long conversationId, long seq) {
        listeners.forEach(l -> l.recalled(conversationId, seq));
    }

    void read(long conversationId, long seq) {
        listeners.forEach(l -> l.read(conversationId, seq));
    }

    static Incoming direct(long conversationId, long seq, long sender, String name, long timeMs, String text) {
        return new Incoming(
                conversationId,
                seq,
                ConversationKind.DIRECT,
                "",
                false,
                sender,
                name,
                timeMs,
                new Content.Text(text),
                false);
    }

    static Incoming group(
            long conversationId,
            String title,
            boolean muted,
            long seq,
            long sender,
            String name,
            long timeMs,
            Content content) {
        return new Incoming(
                conversationId, seq, ConversationKind.GROUP, title, muted, sender, name, timeMs, content, false);
    }
}
