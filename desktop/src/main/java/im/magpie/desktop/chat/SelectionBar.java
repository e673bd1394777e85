package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The chat's selection mode (多选) on screen: while {@link MessageSelection} is on, a bar with the count, "逐条转发 /
 * Forward" and "取消 / Cancel" stands in for the composer, the rows carry tick boxes ({@link SelectableRow}) and Esc
 * leaves the mode.
 */
final class SelectionBar {
    private SelectionBar() {}

    /** Swaps {@code composer} at the bottom of {@code chat} for the bar while selecting; redraws the rows. */
    static void install(
            BorderPane chat,
            Node composer,
            ListView<MessageItem> rows,
            MessageSelection selection,
            Texts texts,
            Runnable forward) {
        HBox bar = bar(selection, texts, forward);
        selection.activeProperty().addListener((o, was, on) -> {
            // as tall as the composer it stands in for: the rows do not move
            bar.setPrefHeight(composer.getLayoutBounds().getHeight());
            chat.setBottom(on ? bar : composer);
            rows.refresh();
            if (on) {
                rows.requestFocus(); // Esc reaches the chat, wherever the focus was
            }
        });
        chat.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && selection.activeProperty().get()) {
                e.consume();
                selection.cancel();
            }
        });
    }

    private static HBox bar(MessageSelection selection, Texts texts, Runnable forward) {
        Label count = new Label();
        count.setId("select-count");
        count.getStyleClass().add("select-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts.format(
                                "select.count", selection.countBinding().get()),
                        selection.countBinding()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button(texts.get("dialog.cancel"));
        cancel.setId("select-cancel");
        cancel.setOnAction(e -> selection.cancel());
        Button send = new Button(texts.get("select.forward"), new FontIcon(Feather.SHARE));
        send.setId("select-forward");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(selection.canForwardBinding().not());
        send.setOnAction(e -> forward.run());
        HBox box = new HBox(10, count, spacer, cancel, send);
        box.setId("selection-bar");
        box.getStyleClass().add("selection-bar");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
