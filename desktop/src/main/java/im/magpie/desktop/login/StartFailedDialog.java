package im.magpie.desktop.login;

import im.magpie.desktop.dialog.MessageDialog;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import javafx.scene.control.ButtonType;

/**
 * The dialog of a start that could not open this device's data: the data folder itself (the app then quits) or the
 * stored session's encrypted store (the login window follows). It is shown before any window, so it has no owner. It
 * does not wait: {@code then} runs once the dialog is closed, by its button or the window's ×.
 */
public final class StartFailedDialog {
    private final MessageDialog dialog;

    private StartFailedDialog(Texts texts, String title, String message, Runnable then) {
        dialog = new MessageDialog(
                        null,
                        texts.locale(),
                        MessageDialog.Kind.ERROR,
                        title,
                        message,
                        new ButtonType(texts.get("start.ok")))
                .id("start-failed")
                .onHidden(then);
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
        dialog.show();
    }
}
