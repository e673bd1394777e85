package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;

/**
 * Keeps the chat's rows in order: stored messages by seq, then this device's messages on their way. A stored
 * message replaces its shown copy, or the pending twin with the same client message id. New rows of a merge go in
 * with one change of the list (a list view lays out once per change).
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
        for (MessageItem m : items) {
            if (m.seq() > 0) {
                return m.seq(); // stored rows are in seq order, before the pending ones
            }
        }
        return 0;
    }

    /** The seq of the newest stored message from someone else; 0 when none is shown. */
    long newestFromOthers() {
        for (int i = items.size() - 1; i >= 0; i--) {
            MessageItem m = items.get(i);
            if (m.seq() > 0 && !m.mine()) {
                return m.seq();
            }
        }
        return 0;
    }

    /**
     * Puts a loaded page in place: shown rows that changed are replaced, new stored rows go after the newest stored
     * one (before the pending rows), new pending rows at the end.
     */
    void merge(List<MessageItem> loaded) {
        long last = newestStoredSeq();
        List<MessageItem> newStored = new ArrayList<>();
        List<MessageItem> newPending = new ArrayList<>();
        Set<String> newClientIds = new HashSet<>();
        for (MessageItem m : loaded) {
            int at = m.seq() > last ? -1 : indexOf(m.key());
            if (at < 0 && !m.clientMessageId().isEmpty()) {
                // a new stored row replaces its pending twin; a pending row may find its stored twin anywhere
                at = m.seq() > 0 ? pendingIndexOfClientId(m.clientMessageId()) : indexOfClientId(m.clientMessageId());
            }
            if (at >= 0) {
                MessageItem shown = items.get(at);
                if ((m.seq() > 0 || shown.seq() == 0) && !shown.equals(m)) {
                    items.set(at, m);
                }
            } else if (m.seq() > 0 && (items.isEmpty() || m.seq() > last)) {
                newStored.add(m);
                newClientIds.add(m.clientMessageId());
            } else if (m.seq() == 0 && (m.clientMessageId().isEmpty() || !newClientIds.contains(m.clientMessageId()))) {
                newPending.add(m);
            }
        }
        if (!newStored.isEmpty()) {
            items.addAll(firstPending(), newStored);
        }
        if (!newPending.isEmpty()) {
            items.addAll(newPending);
        }
    }

    /**
     * Puts changed stored messages in place of their shown rows; rows not shown are left out. A message that is now
     * recalled also marks the quotes of the replies to it.
     */
    void replaceShown(List<MessageItem> changed) {
        for (MessageItem m : changed) {
            int at = indexOf(m.key());
            if (at >= 0 && !items.get(at).equals(m)) {
                items.set(at, m);
            }
            if (m.recalled()) {
                originalRecalled(m.seq());
            }
        }
    }

    /** The shown replies quoting the message at {@code seq} learn that it was recalled. */
    private void originalRecalled(long seq) {
        for (int i = 0; i < items.size(); i++) {
            MessageItem m = items.get(i);
            Quote q = m.quote();
            if (q != null && q.seq() == seq && !q.originalRecalled() && m.content() instanceof Content.Text t) {
                items.set(
                        i,
                        m.withContent(new Content.Text(
                                t.text(), t.mentions(), t.mentionAll(), q.withOriginalRecalled(true))));
            }
        }
    }

    /** A pending row's index by client message id (pending rows are last); -1 when none has it. */
    private int pendingIndexOfClientId(String clientId) {
        for (int i = items.size() - 1; i >= 0 && items.get(i).seq() == 0; i--) {
            if (items.get(i).clientMessageId().equals(clientId)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the pending rows start (the size when there are none). */
    private int firstPending() {
        int at = items.size();
        while (at > 0 && items.get(at - 1).seq() == 0) {
            at--;
        }
        return at;
    }

    /** The seq of the newest stored message shown; 0 when none is. */
    long newestStoredSeq() {
        int at = firstPending();
        return at == 0 ? 0 : items.get(at - 1).seq();
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
