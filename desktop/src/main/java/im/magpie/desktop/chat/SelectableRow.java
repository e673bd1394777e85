package im.magpie.desktop.chat;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A chat row in selection mode (多选): a tick box before it, and a click anywhere on the row ticks it (links, pictures
 * and files do not open meanwhile). Rows that cannot be forwarded (notices, recalled or unsent messages) keep the
 * place of the box empty, so every row lines up.
 */
final class SelectableRow {
    static final double TICK_WIDTH = 24;

    private SelectableRow() {}

    /** {@code row} as it is outside selection mode; with a tick box in it. */
    static Node wrap(MessageSelection selection, MessageItem m, Node row) {
        if (!selection.activeProperty().get()) {
            return row;
        }
        CheckBox tick = new CheckBox();
        tick.setMinWidth(TICK_WIDTH);
        tick.setMouseTransparent(true);
        tick.setFocusTraversable(false);
        row.setMouseTransparent(true);
        HBox.setHgrow(row, Priority.ALWAYS);
        HBox box = new HBox(8, tick, row);
        box.getStyleClass().add("selectable-row");
        box.setAlignment(Pos.CENTER_LEFT);
        if (!selection.selectable(m)) {
            tick.setVisible(false);
            return box;
        }
        tick.setId("select-" + m.seq());
        tick.setSelected(selection.isChosen(m));
        box.setCursor(Cursor.HAND);
        box.setOnMouseClicked(e -> {
            e.consume();
            selection.toggle(m);
            tick.setSelected(selection.isChosen(m));
        });
        return box;
    }
}
