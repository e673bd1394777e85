package im.magpie.desktop.group;

import atlantafx.base.theme.Styles;
import im.magpie.desktop.chat.Avatars;
import im.magpie.desktop.chat.ChatHooks;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.contacts.PresenceDot;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiFlow;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiLine;
import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The hover card (U6): resting the pointer on an avatar or a name for {@link #DELAY} shows a small card with avatar,
 * name, presence, account, department, signature and "Message". One card per window; {@link #install} wires a node.
 */
public final class PersonCard implements ChatHooks.PersonHover {
    /** How long the pointer rests before the card shows. */
    public static final Duration DELAY = Duration.millis(400);
    /** How long the card stays after the pointer left (time to move onto it). */
    static final Duration LINGER = Duration.millis(250);

    static final double AVATAR = 52;
    static final double WIDTH = 280;

    private final PersonCardViewModel vm;
    private final Texts texts;
    private final PopupFrame frame;
    private final Popup popup = new Popup();
    private final VBox card = new VBox(12);
    private final StackPane avatarSlot = new StackPane();
    private final PresenceDot dot = new PresenceDot(6);
    private final Label presence = new Label();
    private final PauseTransition showTimer = new PauseTransition(DELAY);
    private final PauseTransition hideTimer = new PauseTransition(LINGER);
    private @Nullable Node anchor;
    private long pending;
    private boolean built;

    public PersonCard(PersonCardViewModel vm, Texts texts) {
        this(vm, texts, PopupFrame.ofScreen());
    }

    /** {@code frame}: with a shadow, or flat where the screen draws no transparent windows. */
    public PersonCard(PersonCardViewModel vm, Texts texts, PopupFrame frame) {
        this.vm = vm;
        this.texts = texts;
        this.frame = frame;
        popup.setAutoHide(true);
        popup.setOnHidden(e -> vm.hide());
        card.setOnMouseEntered(e -> hideTimer.stop());
        card.setOnMouseExited(e -> hideTimer.playFromStart());
        showTimer.setOnFinished(e -> showPending());
        hideTimer.setOnFinished(e -> popup.hide());
        vm.loadedProperty().addListener((o, was, now) -> {
            if (now) {
                place();
            }
        });
        vm.presenceProperty().addListener((o, was, now) -> showPresence(now));
    }

    /** Wires {@code target} once; installed again (a chat row reused for another message) it shows {@code userId}. */
    @Override
    public void install(Node target, long userId) {
        boolean wired = target.getProperties().containsKey(PersonCard.class);
        target.getProperties().put(PersonCard.class, userId); // who the node shows (the screenshot command)
        if (wired) {
            return;
        }
        target.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (!(target.getProperties().get(PersonCard.class) instanceof Long shown)) {
                return;
            }
            hideTimer.stop();
            anchor = target;
            pending = shown;
            if (popup.isShowing() && vm.userIdProperty().get() == shown) {
                return;
            }
            showTimer.playFromStart();
        });
        target.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            showTimer.stop();
            if (popup.isShowing()) {
                hideTimer.playFromStart();
            }
        });
    }

    /** Shows the card of {@code userId} beside {@code target} at once (the screenshot command, tests). */
    public void showNow(Node target, long userId) {
        anchor = target;
        pending = userId;
        showPending();
    }

    public void hide() {
        popup.hide();
    }

    /** The card's content (for tests and the screenshot command). */
    public Node content() {
        build();
        return card;
    }

    /**
     * Builds and styles the card the first time it is needed, not when the main window is made: its stylesheet and the
     * emoji catalog of the signature cost the launch about a tenth of the FX thread's time (docs/performance.md).
     */
    private void build() {
        if (!built) {
            built = true;
            buildCard();
            popup.getContent().add(card);
        }
    }

    private void showPending() {
        build();
        if (popup.isShowing() && vm.userIdProperty().get() != pending) {
            popup.hide(); // another person: the card moves to the new anchor
        }
        vm.show(pending);
        if (vm.loadedProperty().get()) {
            place();
        }
    }

    /** Puts the card beside the anchor: right of it, or left of it when the window ends first. */
    private void place() {
        Node at = anchor;
        if (at == null || at.getScene() == null || at.getScene().getWindow() == null) {
            return;
        }
        Bounds b = at.localToScreen(at.getBoundsInLocal());
        if (b == null) {
            return;
        }
        if (!popup.isShowing()) {
            javafx.stage.Window window = at.getScene().getWindow();
            double x = b.getMaxX() + 8;
            if (x + WIDTH > window.getX() + window.getWidth()) { // no room on the right: left of the anchor
                x = Math.max(window.getX(), b.getMinX() - 8 - WIDTH);
            }
            popup.show(at, x, b.getMinY());
        }
    }

    private void buildCard() {
        card.setId("person-card");
        card.getStyleClass().add("person-card");
        frame.dress(card);
        card.getStylesheets().add(GroupStyles.url());
        card.setPrefWidth(WIDTH);
        card.setMaxWidth(WIDTH);
        Label name = new Label();
        name.setId("card-name");
        name.getStyleClass().add("person-card-name");
        name.textProperty().bind(vm.nameProperty());
        presence.getStyleClass().add("person-card-presence");
        HBox presenceLine = new HBox(6, dot, presence);
        presenceLine.setAlignment(Pos.CENTER_LEFT);
        VBox who = new VBox(4, name, presenceLine);
        who.setAlignment(Pos.CENTER_LEFT);
        vm.userIdProperty().addListener((o, was, now) -> avatar());
        vm.nameProperty().addListener((o, was, now) -> avatar());
        HBox top = new HBox(12, avatarSlot, who);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane fields = new GridPane();
        fields.getStyleClass().add("person-card-fields");
        fields.setHgap(12);
        fields.setVgap(6);
        field(fields, 0, "card.account", vm.accountProperty(), "card-account");
        field(fields, 1, "card.department", vm.departmentProperty(), "card-department");
        EmojiFlow signature = new EmojiFlow(
                new EmojiText(EmojiCatalog.bundled(), new EmojiImages()), "person-card-text", EmojiLine.SIZE);
        signature.setId("card-signature");
        vm.signatureProperty().addListener((o, was, now) -> signature.setText(now));
        signature.setText(vm.signatureProperty().get());
        field(fields, 2, "card.signature", signature);

        Button message = new Button(texts.get("card.message"));
        message.setId("card-message");
        message.getStyleClass().add(Styles.ACCENT);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setOnAction(e -> {
            vm.message();
            popup.hide();
        });
        card.getChildren().addAll(top, fields, message);
        showPresence(Presence.UNKNOWN);
    }

    private void field(
            GridPane grid, int row, String labelKey, javafx.beans.value.ObservableStringValue value, String id) {
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("person-card-value");
        text.setWrapText(true);
        text.textProperty().bind(value);
        field(grid, row, labelKey, text);
    }

    private void field(GridPane grid, int row, String labelKey, Node value) {
        Label label = new Label(texts.get(labelKey));
        label.getStyleClass().add("person-card-label");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(label, 0, row);
        grid.add(value, 1, row);
    }

    private void avatar() {
        String name = vm.nameProperty().get();
        avatarSlot
                .getChildren()
                .setAll(Avatars.of(
                        vm.userIdProperty().get(), ConversationKind.DIRECT, MessageTexts.initials(name), AVATAR));
    }

    private void showPresence(Presence p) {
        dot.show(p);
        presence.setText(
                p == Presence.UNKNOWN ? "" : texts.get("presence." + p.name().toLowerCase(Locale.ROOT)));
    }
}
