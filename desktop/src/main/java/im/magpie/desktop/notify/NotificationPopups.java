package im.magpie.desktop.notify;

import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiLine;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pop-ups of {@link NotificationsViewModel#shown()}, stacked at the bottom right of the primary screen's visual
 * bounds (the newest lowest). Each hides after {@link #SHOWN_FOR} unless the pointer rests on it (the time starts
 * again when it leaves, and when more messages update it). A click opens the conversation; × closes.
 *
 * <p>A {@link Popup} owned by the main window, so a pop-up never takes the keyboard focus from what the user types.
 *
 * <p>With a compositor ({@link PopupFrame#SHADOWED}) each card floats on its own, rounded, with a soft shadow, in a
 * transparent margin. Without one ({@link PopupFrame#FLAT}) that margin and the gaps between the cards would be drawn
 * as an opaque box, so the stack is one bordered frame that fills its window: square cards without a shadow, parted by
 * 1 px lines (style class {@code popup-flat} on the stack, desktop.css).
 */
public final class NotificationPopups {
    static final Duration SHOWN_FOR = Duration.seconds(5);
    static final double WIDTH = 340;
    static final double MARGIN = 16;
    static final double AVATAR = 40;

    private final NotificationsViewModel vm;
    private final Texts texts;
    private final Window owner;
    private final Popup popup = new Popup();
    private final VBox stack = new VBox(10);
    private final EmojiImages emoji = new EmojiImages();
    private final Map<Long, PauseTransition> timers = new HashMap<>();
    private final Map<Long, Notice> timed = new HashMap<>();

    public NotificationPopups(NotificationsViewModel vm, Texts texts, Window owner) {
        this(vm, texts, owner, PopupFrame.ofScreen());
    }

    /** {@code frame}: cards with a shadow, or one flat frame where the screen draws no transparent windows. */
    public NotificationPopups(NotificationsViewModel vm, Texts texts, Window owner, PopupFrame frame) {
        this.vm = vm;
        this.texts = texts;
        this.owner = owner;
        stack.getStyleClass().add("notification-stack");
        frame.dress(stack);
        stack.getStylesheets()
                .add(Objects.requireNonNull(NotificationPopups.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stack.setPrefWidth(WIDTH);
        stack.setFillWidth(true);
        popup.getContent().add(stack);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false);
        popup.setAutoFix(false);
        vm.shown().addListener((ListChangeListener<Notice>) c -> render());
    }

    /** The node holding the pop-ups (for the screenshot command and tests). */
    public Region stack() {
        return stack;
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    private void render() {
        List<Notice> shown = List.copyOf(vm.shown());
        timers.entrySet().removeIf(t -> {
            boolean gone = shown.stream().noneMatch(n -> n.conversationId() == t.getKey());
            if (gone) {
                t.getValue().stop();
                timed.remove(t.getKey());
            }
            return gone;
        });
        if (shown.isEmpty()) {
            stack.getChildren().clear();
            popup.hide();
            return;
        }
        Node[] cards = new Node[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            Notice n = shown.get(i);
            cards[shown.size() - 1 - i] = card(n); // newest lowest
            if (!n.equals(timed.get(n.conversationId()))) {
                timed.put(n.conversationId(), n);
                timer(n.conversationId()).playFromStart();
            }
        }
        stack.getChildren().setAll(cards);
        if (!popup.isShowing() && owner.isShowing()) {
            popup.show(owner);
        }
        place();
    }

    private PauseTransition timer(long conversationId) {
        return timers.computeIfAbsent(conversationId, id -> {
            PauseTransition t = new PauseTransition(SHOWN_FOR);
            t.setOnFinished(e -> vm.dismiss(id));
            return t;
        });
    }

    /** Bottom right of the primary screen's visual bounds (above a taskbar). */
    private void place() {
        stack.applyCss();
        stack.layout();
        double height = stack.prefHeight(WIDTH);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        popup.setX(screen.getMaxX() - WIDTH - MARGIN);
        popup.setY(screen.getMaxY() - height - MARGIN);
    }

    private Node card(Notice n) {
        Label title = new Label(n.title());
        title.getStyleClass().add("notification-title");
        title.setMinWidth(0);
        Label count = new Label(n.countText());
        count.getStyleClass().add("notification-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.setVisible(!n.countText().isEmpty());
        count.setManaged(!n.countText().isEmpty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "notification-close");
        close.setId("notification-close");
        close.setAccessibleText(texts.get("notify.close"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> vm.dismiss(n.conversationId()));
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume); // not a click on the pop-up
        HBox top = new HBox(6, title, spacer, count, close);
        top.setAlignment(Pos.CENTER_LEFT);
        EmojiLine line = new EmojiLine(EmojiCatalog.bundled(), emoji, "notification-line");
        line.setText(n.line());
        line.getStyleClass().add("notification-preview");
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox bottom = new HBox(4, line);
        bottom.setAlignment(Pos.CENTER_LEFT);
        if (n.mention()) {
            Label mention = new Label(texts.get("notify.mentioned"));
            mention.getStyleClass().add("notification-mention");
            mention.setMinWidth(Region.USE_PREF_SIZE);
            bottom.getChildren().add(0, mention);
        }
        VBox text = new VBox(4, top, bottom);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox card = new HBox(12, Avatars.of(n.avatarId(), n.kind(), n.initials(), AVATAR), text);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("notification");
        card.setId("notification-" + n.conversationId());
        card.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !e.isConsumed()) {
                vm.open(n.conversationId());
            }
        });
        card.hoverProperty().addListener((o, was, now) -> {
            PauseTransition t = timers.get(n.conversationId());
            if (t != null) {
                if (now) {
                    t.stop();
                } else {
                    t.playFromStart();
                }
            }
        });
        return card;
    }
}
