package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/** The popover behind "3 read": members who read the message on the left, those who have not on the right. */
final class ReadByPopup {
    static final double AVATAR = 28;
    static final double ROW_HEIGHT = 34;
    static final double COLUMN_WIDTH = 170;
    static final double LIST_HEIGHT = 240;
    /** Between the clicked point and the popover. */
    static final double GAP = 8;

    private ReadByPopup() {}

    /**
     * Shows the lists below a screen point (where the label was clicked), or above it when the window ends below, kept
     * inside the window's width; owned by {@code owner}.
     */
    static Popup show(ReadByViewModel vm, javafx.stage.Window owner, double screenX, double screenY, Texts texts) {
        return show(vm, owner, screenX, screenY, texts, PopupFrame.ofScreen());
    }

    /** {@code frame}: with a shadow, or flat where the screen draws no transparent windows. */
    static Popup show(
            ReadByViewModel vm,
            javafx.stage.Window owner,
            double screenX,
            double screenY,
            Texts texts,
            PopupFrame frame) {
        HBox columns = new HBox(
                column(vm.read(), "receipt.readList", "read-list", texts),
                column(vm.unread(), "receipt.unreadList", "unread-list", texts));
        columns.setId("read-by");
        columns.getStyleClass().add("read-by");
        frame.dress(columns);
        Popup popup = new Popup();
        popup.getContent().add(columns);
        popup.setAutoHide(true);
        popup.setAnchorLocation(javafx.stage.PopupWindow.AnchorLocation.CONTENT_TOP_LEFT); // not its shadow's
        popup.show(owner, screenX - COLUMN_WIDTH, screenY + GAP);
        place(popup, columns, owner, screenX, screenY);
        // the lists fill in once the members are read: the popover grows, and may have to move up
        columns.layoutBoundsProperty().addListener((o, was, now) -> place(popup, columns, owner, screenX, screenY));
        return popup;
    }

    /** By the popover's content (its window is not resized as the lists fill in). */
    private static void place(
            Popup popup,
            javafx.scene.layout.Region content,
            javafx.stage.Window owner,
            double screenX,
            double screenY) {
        double width = content.getLayoutBounds().getWidth();
        double height = content.getLayoutBounds().getHeight();
        double right = owner.getX() + owner.getWidth();
        double x = Math.max(owner.getX(), Math.min(screenX - COLUMN_WIDTH, right - width));
        double y = screenY + GAP + height > owner.getY() + owner.getHeight()
                ? Math.max(owner.getY(), screenY - GAP - height)
                : screenY + GAP;
        // the anchor, not x and y: a popup places itself again from its anchor when its size changes
        popup.setAnchorX(x);
        popup.setAnchorY(y);
    }

    private static Node column(ObservableList<Member> members, String titleKey, String id, Texts texts) {
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> texts.format(titleKey, members.size()), members));
        title.getStyleClass().add("read-by-title");
        VBox rows = new VBox(6);
        rows.setId(id);
        members.addListener((ListChangeListener<Member>) c -> fill(rows, members));
        fill(rows, members);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.prefViewportHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(LIST_HEIGHT, Math.max(1, members.size()) * ROW_HEIGHT), members));
        scroll.getStyleClass().add("read-by-scroll");
        VBox column = new VBox(8, title, scroll);
        column.setPrefWidth(COLUMN_WIDTH);
        column.getStyleClass().add("read-by-column");
        return column;
    }

    private static void fill(VBox rows, ObservableList<Member> members) {
        rows.getChildren().setAll(members.stream().map(ReadByPopup::row).toList());
    }

    private static Node row(Member m) {
        Label name = new Label(m.name());
        name.getStyleClass().add("read-by-name");
        HBox row = new HBox(8, Avatars.of(m.userId(), ConversationKind.DIRECT, m.initials(), AVATAR), name);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
