package im.magpie.desktop.chat;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A conversation list row: avatar, name, time, last message preview, unread badge. */
final class ConversationCell extends ListCell<ConversationRow> {
    static final double AVATAR = 42;

    private final Label name = new Label();
    private final Label time = new Label();
    private final Label preview = new Label();
    private final Label badge = new Label();
    private final StackPane avatarSlot = new StackPane();
    private final HBox box;

    ConversationCell() {
        name.getStyleClass().add("conv-name");
        time.getStyleClass().add("conv-time");
        preview.getStyleClass().add("conv-preview");
        badge.getStyleClass().add("badge");
        name.setMinWidth(0);
        preview.setMinWidth(0);
        time.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, time);
        top.setAlignment(Pos.CENTER_LEFT);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox bottom = new HBox(6, preview, spacer2, badge);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, top, bottom);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        box = new HBox(10, avatarSlot, text);
        box.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ConversationRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(row.name());
        time.setText(row.time());
        preview.setText(row.preview());
        badge.setText(row.unread() > 99 ? "99+" : String.valueOf(row.unread()));
        badge.setVisible(row.unread() > 0);
        avatarSlot.getChildren().setAll(Avatars.of(row.avatarId(), row.kind(), row.initials(), AVATAR));
        setText(null);
        setGraphic(box);
    }
}
