package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small "new chat" dialog. */
final class Dialogs {
    private Dialogs() {}

    static Optional<String> newChat(Texts texts, Window owner) {
        TextField account = new TextField();
        account.setId("new-chat-account");
        Dialog<String> d = dialog(texts, owner, "newChat.title", "newChat.header", "dialog.start");
        d.getDialogPane().setContent(new VBox(6, new Label(texts.get("newChat.account")), account));
        d.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? account.getText() : null);
        account.requestFocus();
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    private static <T> Dialog<T> dialog(Texts texts, Window owner, String title, String header, String ok) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(texts.get(title));
        d.setHeaderText(texts.get(header));
        d.getDialogPane()
                .getButtonTypes()
                .addAll(
                        new ButtonType(texts.get(ok), ButtonBar.ButtonData.OK_DONE),
                        new ButtonType(texts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().setPrefWidth(420);
        return d;
    }
}
