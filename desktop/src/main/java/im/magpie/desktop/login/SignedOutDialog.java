package im.magpie.desktop.login;

import im.magpie.desktop.dialog.MessageDialog;
import im.magpie.desktop.i18n.Texts;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The dialog that tells the user this device is signed out, with one button, "sign in again": because the server
 * ended the session (kicked, revoked, account disabled) or because an administrator's remote wipe deleted this
 * device's data. It is drawn as the app's other windows ({@link MessageDialog}). It does not wait: {@code then} runs once
 * the dialog is closed, by the button or the window's ×.
 */
public final class SignedOutDialog {
    private final MessageDialog dialog;

    private SignedOutDialog(Window owner, Texts texts, String title, String message, Runnable then) {
        dialog = new MessageDialog(
                        owner,
                        texts.locale(),
                        MessageDialog.Kind.WARNING,
                        title,
                        message,
                        new ButtonType(texts.get("session.signInAgain")))
                .id("signed-out")
                .onHidden(then);
    }

    /** The server ended the session; {@code message} says why (translated). */
    public static SignedOutDialog sessionEnded(Window owner, Texts texts, String message, Runnable then) {
        return new SignedOutDialog(owner, texts, texts.get("session.title"), message, then);
    }

    /** An administrator's remote wipe deleted this device's messages, files and key. */
    public static SignedOutDialog deviceWiped(Window owner, Texts texts, Runnable then) {
        return new SignedOutDialog(owner, texts, texts.get("wipe.title"), texts.get("wipe.message"), then);
    }

    public void show() {
        dialog.show();
    }
}
