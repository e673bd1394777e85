package im.magpie.desktop.chat;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Keeps the chat's rows in order: stored messages by seq, then this device's messages on their way. A stored
 * message replaces its shown copy, or the pending twin with the same client message id.
 */
final class MessageRows {
    private final ObservableList<MessageItem> items;

    MessageRows(ObservableList<MessageItem> items) {
        this.items = items;
    }

    ObservableList<MessageItem> items() {
        return items;
    }

    /** The seq of the oldest stored message shown; 0 when none is. */
    long oldestStoredSeq() {
        return items.stream()
                .filter(i -> i.seq() > 0)
                .mapToLong(MessageItem::seq)
                .min()
                .orElse(0);
    }

    void merge(List<MessageItem> loaded) {
        for (MessageItem m : loaded) {
            int at = indexOf(m.key());
            if (at < 0 && !m.clientMessageId().isEmpty()) {
                at = indexOfClientId(m.clientMessageId());
            }
            if (at >= 0) {
                if (m.seq() > 0 || items.get(at).seq() == 0) {
                    items.set(at, m);
                }
            } else if (m.seq() == 0 || items.isEmpty() || m.seq() > lastStoredSeq()) {
                insertInOrder(m);
            }
        }
    }

    private void insertInOrder(MessageItem m) {
        if (m.seq() == 0) {
            items.add(m);
            return;
        }
        int at = items.size();
        while (at > 0 && items.get(at - 1).seq() == 0) {
            at--;
        }
        items.add(at, m);
    }

    private long lastStoredSeq() {
        return items.stream().mapToLong(MessageItem::seq).max().orElse(0);
    }

    int indexOf(String key) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    int indexOfClientId(String clientId) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).clientMessageId().equals(clientId)) {
                return i;
            }
        }
        return -1;
    }
}
