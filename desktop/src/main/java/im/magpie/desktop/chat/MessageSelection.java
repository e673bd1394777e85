package im.magpie.desktop.chat;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * "多选 / Select" in a chat: while it is on, rows carry tick boxes and a bar replaces the composer; the ticked messages
 * are forwarded one by one ("逐条转发"), in the order the chat shows them. Only stored messages that were not recalled
 * can be ticked (the ones the context menu offers to forward); a ticked message recalled meanwhile is left out.
 */
public final class MessageSelection {
    private final ObservableList<MessageItem> items;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ObservableSet<Long> ticked = FXCollections.observableSet();
    private final IntegerBinding count;
    private final BooleanBinding canForward;

    /** Over the chat's rows, oldest first. */
    MessageSelection(ObservableList<MessageItem> items) {
        this.items = items;
        // outside selection mode the chat's rows are not walked on every change
        this.count = Bindings.createIntegerBinding(() -> active.get() ? chosen().size() : 0, active, ticked, items);
        this.canForward = count.greaterThan(0);
    }

    /** Whether the chat is in selection mode. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Turns selection mode on with {@code first} ticked (when it can be). */
    public void start(MessageItem first) {
        ticked.clear();
        active.set(true);
        toggle(first);
    }

    /** Whether {@code m} can be ticked: a stored message that was not recalled, not a notice. */
    public boolean selectable(MessageItem m) {
        return Composer.canQuote(m);
    }

    public boolean isChosen(MessageItem m) {
        return ticked.contains(m.seq());
    }

    /** Ticks or unticks {@code m}; nothing outside selection mode or for a row that cannot be ticked. */
    public void toggle(MessageItem m) {
        if (!active.get() || !selectable(m)) {
            return;
        }
        if (!ticked.remove(m.seq())) {
            ticked.add(m.seq());
        }
    }

    /** How many ticked messages would be forwarded now. */
    public IntegerBinding countBinding() {
        return count;
    }

    public BooleanBinding canForwardBinding() {
        return canForward;
    }

    /** The seqs of the ticked messages that can still be forwarded, in chat order. */
    public List<Long> chosen() {
        if (ticked.isEmpty()) {
            return List.of();
        }
        return items.stream()
                .filter(m -> ticked.contains(m.seq()) && selectable(m))
                .map(MessageItem::seq)
                .toList();
    }

    /** Leaves selection mode ("取消", Esc, or once the messages went out). */
    public void cancel() {
        ticked.clear();
        active.set(false);
    }
}
