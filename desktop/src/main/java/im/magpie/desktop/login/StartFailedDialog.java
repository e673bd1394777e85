package im.magpie.desktop.login;

import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.i18n.UiFonts;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * The dialog of a start that could not open this device's data: the data folder itself (the app then quits) or the
 * stored session's encrypted store (the login window follows). It is shown before any window, so it has no owner. It
 * does not wait: {@code then} runs once the dialog is closed, by its button or the window's ×.
 */
public final class StartFailedDialog {
    private final Alert alert;

    private StartFailedDialog(Texts texts, String title, String message, Runnable then) {
        alert = new Alert(Alert.AlertType.ERROR, message, new ButtonType(texts.get("start.ok")));
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("start-failed");
        UiFonts.stylesheet(texts.locale()).ifPresent(alert.getDialogPane().getStylesheets()::add);
        alert.setOnHidden(e -> then.run());
    }

    /** The stored messages could not be opened; {@code detail} is the technical reason (shown in parentheses). */
    public static StartFailedDialog localData(Texts texts, String detail, Runnable then) {
        return new StartFailedDialog(
                texts, texts.get("start.localData.title"), texts.format("start.localData.message", detail), then);
    }

    /** The data folder could not be read. */
    public static StartFailedDialog dataDir(Texts texts, Path dir, String detail, Runnable then) {
        return new StartFailedDialog(
                texts, texts.get("start.dataDir.title"), texts.format("start.dataDir.message", dir, detail), then);
    }

    public void show() {
        alert.show();
    }
}
