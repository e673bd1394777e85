package im.magpie.desktop.history;

import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.i18n.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One result: sender, conversation and time above the message text with its matches highlighted, emoji drawn as the
 * same colour images as in chat bubbles.
 */
final class HistoryCell extends ListCell<HistoryResult> {
    private final HistoryViewModel vm;
    private final EmojiText emoji;
    private final Label sender = new Label();
    private final Label conversation = new Label();
    private final Label time = new Label();
    private final TextFlow text = new TextFlow();
    private final Button jump = new Button(null, new FontIcon(Feather.CORNER_UP_RIGHT));
    private final BorderPane box;

    HistoryCell(HistoryViewModel vm, Texts texts, EmojiText emoji) {
        this.vm = vm;
        this.emoji = emoji;
        sender.getStyleClass().add("history-sender");
        conversation.getStyleClass().add("history-conversation");
        time.getStyleClass().add("history-time");
        text.getStyleClass().add("history-text");
        jump.getStyleClass().addAll("button-icon", "flat", "history-jump");
        jump.setTooltip(new Tooltip(texts.get("history.jump")));
        jump.setAccessibleText(texts.get("history.jump"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, sender, conversation, spacer, time);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox body = new VBox(4, head, text);
        box = new BorderPane(body);
        box.setRight(jump);
        BorderPane.setAlignment(jump, Pos.CENTER);
        text.prefWidthProperty().bind(widthProperty().subtract(80));
        setOnMouseClicked(e -> {
            HistoryResult r = getItem();
            if (e.getClickCount() == 2 && r != null) {
                vm.jumpTo(r);
            }
        });
    }

    @Override
    protected void updateItem(@Nullable HistoryResult r, boolean empty) {
        super.updateItem(r, empty);
        setText(null);
        if (empty || r == null) {
            setGraphic(null);
            return;
        }
        sender.setText(r.sender());
        conversation.setText(r.conversation());
        time.setText(r.time());
        text.getChildren().clear();
        for (Fragment f : r.text()) {
            text.getChildren()
                    .addAll(emoji.nodes(f.text(), EmojiText.INLINE, f.match() ? "history-match" : "history-plain"));
        }
        jump.setOnAction(e -> vm.jumpTo(r));
        setGraphic(box);
    }
}
