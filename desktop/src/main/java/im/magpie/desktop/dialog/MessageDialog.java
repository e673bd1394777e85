package im.magpie.desktop.dialog;

import atlantafx.base.theme.Styles;
import im.magpie.desktop.i18n.UiFonts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A short message or question in the app's own look, where JavaFX's stock {@code Alert} drew modena's grey header and
 * bitmap icons: the app's stylesheets (desktop.css and the language's font; the light or dark theme is the user-agent
 * stylesheet of every window), an Ikonli icon in a tinted circle, a bold title over the wrapped message, and the app's
 * buttons, the first one the accent (or danger) button that Enter presses.
 */
public final class MessageDialog {
    /** Width of the title and message column: long zh-CN and English sentences wrap, never cut off. */
    static final double TEXT_WIDTH = 380;

    /** What the dialog is about: its icon and colour. */
    public enum Kind {
        WARNING(Feather.ALERT_TRIANGLE, "warning"),
        ERROR(Feather.ALERT_OCTAGON, "danger"),
        QUESTION(Feather.HELP_CIRCLE, "accent");

        private final Feather icon;
        private final String style;

        Kind(Feather icon, String style) {
            this.icon = icon;
            this.style = style;
        }
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();

    /**
     * {@code owner}: the window it belongs to (none before any window is shown); {@code locale}: the language, for its
     * font; {@code buttons}: the first one is the main button (Enter).
     */
    public MessageDialog(
            @Nullable Window owner, Locale locale, Kind kind, String title, String message, ButtonType... buttons) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setResizable(false);
        DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add("app-dialog");
        pane.getStylesheets()
                .add(Objects.requireNonNull(MessageDialog.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        UiFonts.stylesheet(locale).ifPresent(pane.getStylesheets()::add);

        FontIcon glyph = new FontIcon(kind.icon);
        StackPane icon = new StackPane(glyph);
        icon.getStyleClass().addAll("dialog-icon", kind.style);
        pane.setGraphic(icon);

        Label heading = new Label(title);
        heading.setId("dialog-title");
        heading.getStyleClass().add("dialog-title");
        Label body = new Label(message);
        body.setId("dialog-message");
        body.getStyleClass().add("dialog-message");
        for (Label l : List.of(heading, body)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setPrefWidth(TEXT_WIDTH);
            l.setMaxWidth(TEXT_WIDTH);
        }
        VBox text = new VBox(8, heading, body);
        text.getStyleClass().add("dialog-body");
        text.setMinHeight(Region.USE_PREF_SIZE);
        pane.setContent(text);

        pane.getButtonTypes().setAll(buttons);
        for (int i = 0; i < buttons.length; i++) {
            if (pane.lookupButton(buttons[i]) instanceof Button b) {
                b.setDefaultButton(i == 0);
                if (i == 0) {
                    b.getStyleClass().add(Styles.ACCENT);
                }
            }
        }
    }

    /** Draws {@code button} as a dangerous action (remove, leave) instead of the accent. */
    public MessageDialog dangerous(ButtonType button) {
        if (dialog.getDialogPane().lookupButton(button) instanceof Button b) {
            b.getStyleClass().remove(Styles.ACCENT);
            b.getStyleClass().add(Styles.DANGER);
        }
        return this;
    }

    /** The id of the dialog's pane, for tests and the screenshot command ({@code #signed-out}). */
    public MessageDialog id(String id) {
        dialog.getDialogPane().setId(id);
        return this;
    }

    /** {@code then} runs once the dialog is closed, by a button or the window's ×. */
    public MessageDialog onHidden(Runnable then) {
        dialog.setOnHidden(e -> then.run());
        return this;
    }

    /** Shows the dialog and returns at once. */
    public void show() {
        dialog.show();
    }

    /** Shows the dialog and waits for its answer: the button pressed, none when it was closed by its ×. */
    public Optional<ButtonType> showAndWait() {
        return dialog.showAndWait();
    }
}
