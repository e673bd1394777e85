package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiLine;
import im.magpie.desktop.i18n.Texts;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A conversation list row: avatar, name and last message preview (both with colour emoji), time, unread badge (a dot
 * when muted), a bell-slash when muted, a tinted background when pinned, and a context menu to pin/unpin and
 * mute/unmute. Its nodes are built once; a new row value updates them in place.
 */
final class ConversationCell extends ListCell<ConversationRow> {
    static final double AVATAR = 42;
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    private static final String BADGE_DOT = "badge-dot";

    private final EmojiLine name;
    private final Label time = new Label();
    private final EmojiLine preview;
    private final Label badge = new Label();
    private final FontIcon mutedIcon = new FontIcon(Feather.BELL_OFF);
    private final StackPane avatarSlot = new StackPane();
    private final HBox box;
    private final Texts texts;
    private final MenuItem pin = new MenuItem();
    private final MenuItem mute = new MenuItem();
    private final ContextMenu menu = new ContextMenu(pin, mute);
    private @Nullable AvatarKey avatarShown;

    ConversationCell(MainViewModel vm, Texts texts, EmojiImages emojiImages) {
        this.texts = texts;
        this.preview = new EmojiLine(EmojiCatalog.bundled(), emojiImages, "conv-preview");
        this.name = new EmojiLine(EmojiCatalog.bundled(), emojiImages, "conv-name"); // "周末羽毛球 🏸"
        time.getStyleClass().add("conv-time");
        preview.getStyleClass().add("conv-preview-line");
        badge.getStyleClass().add("badge");
        mutedIcon.getStyleClass().add("conv-muted");
        time.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, time);
        top.setAlignment(Pos.CENTER_LEFT);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox bottom = new HBox(6, preview, spacer2, mutedIcon, badge);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, top, bottom);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        box = new HBox(10, avatarSlot, text);
        box.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
        pin.setId("conversation-pin");
        mute.setId("conversation-mute");
        pin.setOnAction(e -> {
            ConversationRow row = getItem();
            if (row != null) {
                vm.setPinned(row.id(), !row.pinned());
            }
        });
        mute.setOnAction(e -> {
            ConversationRow row = getItem();
            if (row != null) {
                vm.setMuted(row.id(), !row.muted());
            }
        });
    }

    @Override
    protected void updateItem(ConversationRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            setContextMenu(null);
            pseudoClassStateChanged(PINNED, false);
            return;
        }
        // The row's nodes stay; only what differs is set. A message arriving in the open chat replaces its row, and
        // new nodes (a new avatar, a re-classed badge) are what JavaFX styles at a cost (docs/performance.md, "Round
        // 7").
        // Setting a text, a flag or a pseudo-class to the value it has is a no-op in JavaFX.
        name.setText(row.name());
        time.setText(row.time());
        preview.setText(row.preview());
        boolean hasUnread = row.unread() > 0;
        badge.setText(row.unreadDot() ? "" : row.unread() > 99 ? "99+" : String.valueOf(row.unread()));
        if (row.unreadDot() != badge.getStyleClass().contains(BADGE_DOT)) {
            if (row.unreadDot()) {
                badge.getStyleClass().add(BADGE_DOT);
            } else {
                badge.getStyleClass().remove(BADGE_DOT);
            }
        }
        badge.setVisible(hasUnread);
        badge.setManaged(hasUnread);
        mutedIcon.setVisible(row.muted());
        mutedIcon.setManaged(row.muted());
        pseudoClassStateChanged(PINNED, row.pinned());
        pin.setText(texts.get(row.pinned() ? "conversation.unpin" : "conversation.pin"));
        mute.setText(texts.get(row.muted() ? "conversation.unmute" : "conversation.mute"));
        setContextMenu(menu);
        AvatarKey key = new AvatarKey(row.avatarId(), row.kind(), row.initials());
        if (!key.equals(avatarShown)) {
            avatarSlot.getChildren().setAll(Avatars.of(row.avatarId(), row.kind(), row.initials(), AVATAR));
            avatarShown = key;
        }
        setText(null);
        setGraphic(box);
    }

    /** What an avatar is drawn from: the same key shows the same avatar, which then stays. */
    private record AvatarKey(long id, ConversationKind kind, String initials) {}
}
