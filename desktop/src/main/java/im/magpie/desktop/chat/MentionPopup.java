package im.magpie.desktop.chat;

import im.magpie.desktop.popup.PopupFrame;
import java.util.function.IntConsumer;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;

/** The list of members under a group composer while an "@name" is typed; keys are routed here by the composer. */
final class MentionPopup {
    private static final double AVATAR = 28;
    private static final int ROWS = 6;
    private static final double ROW_HEIGHT = 38;

    private final MentionPicker picker;
    private final IntConsumer pick;
    private final Popup popup = new Popup();
    private final ListView<Member> list;

    /** {@code frame}: with a shadow, or flat where the screen draws no transparent windows. */
    MentionPopup(MentionPicker picker, IntConsumer pick, PopupFrame frame) {
        this.picker = picker;
        this.pick = pick;
        list = new ListView<>(picker.matches());
        list.setId("mention-list");
        list.getStyleClass().add("mention-list");
        frame.dress(list);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefWidth(260);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new MemberCell());
        list.prefHeightProperty()
                .bind(javafx.beans.binding.Bindings.min(ROWS, javafx.beans.binding.Bindings.size(picker.matches()))
                        .multiply(ROW_HEIGHT)
                        .add(2));
        picker.selectedProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (i >= 0) {
                list.getSelectionModel().select(i);
                list.scrollTo(i);
            }
        });
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                pick.accept(i);
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setOnAutoHide(e -> picker.close());
    }

    /** Shows the popup under the composer's top-left corner while the picker is open, hides it otherwise. */
    void follow(TextArea input) {
        if (!picker.openProperty().get()) {
            popup.hide();
            return;
        }
        list.getSelectionModel().select(picker.selectedProperty().get());
        if (!popup.isShowing() && input.getScene() != null && input.getScene().getWindow() != null) {
            Bounds b = input.localToScreen(input.getBoundsInLocal());
            if (b != null) {
                double height = list.getPrefHeight();
                popup.show(input, b.getMinX() + 8, b.getMinY() - height - 4);
            }
        }
    }

    /** Handles Up/Down/Enter/Tab/Esc while the popup is open; true when the key was used. */
    boolean handle(KeyEvent e) {
        if (!picker.openProperty().get()) {
            return false;
        }
        switch (e.getCode()) {
            case UP -> picker.move(-1);
            case DOWN -> picker.move(1);
            case ENTER, TAB -> pick.accept(picker.selectedProperty().get());
            case ESCAPE -> {
                picker.close();
                popup.hide();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static final class MemberCell extends ListCell<Member> {
        @Override
        protected void updateItem(Member m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(m.name());
            name.getStyleClass().add("mention-name");
            Label account = new Label(m.account());
            account.getStyleClass().add("mention-account");
            ConversationKind avatar =
                    m.userId() == MentionPicker.ALL ? ConversationKind.GROUP : ConversationKind.DIRECT;
            HBox row = new HBox(8, Avatars.of(m.userId(), avatar, m.initials(), AVATAR), name, account);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
