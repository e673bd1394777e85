package im.magpie.desktop.contacts;

import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiLine;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A row of the contacts list: avatar with presence dot, name, signature with colour emoji (or account when there is
 * none).
 */
final class ContactCell extends ListCell<Contact> {
    static final double AVATAR = 38;

    private final ContactsViewModel vm;
    private final Label name = new Label();
    private final EmojiLine detail;
    private final StackPane avatarSlot = new StackPane();
    private final PresenceDot dot = new PresenceDot(5);
    private final HBox box;

    /** {@code emoji}: the images of the list, shared by its cells. */
    ContactCell(ContactsViewModel vm, EmojiImages emoji) {
        this.vm = vm;
        this.detail = new EmojiLine(EmojiCatalog.bundled(), emoji, "contact-detail");
        name.getStyleClass().add("contact-name");
        name.setMinWidth(0);
        VBox text = new VBox(3, name, detail);
        text.setAlignment(Pos.CENTER_LEFT);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        StackPane.setAlignment(dot, Pos.BOTTOM_RIGHT);
        box = new HBox(10, avatarSlot, text);
        box.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Contact c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(c.displayName());
        detail.setText(c.signature().isEmpty() ? c.account() : c.signature());
        dot.show(vm.presenceOf(c.userId()));
        avatarSlot
                .getChildren()
                .setAll(
                        Avatars.of(c.userId(), ConversationKind.DIRECT, MessageTexts.initials(c.displayName()), AVATAR),
                        dot);
        setGraphic(box);
        setText(null);
    }
}
