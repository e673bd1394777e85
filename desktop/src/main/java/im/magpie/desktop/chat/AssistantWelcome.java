package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What the file transfer assistant's chat shows while it has no messages: its icon, its name and what it is for, in
 * place of a blank list. It appears only once the history was read (no flash while a page loads) and leaves with the
 * first message, sent or arriving.
 */
final class AssistantWelcome {
    static final double ICON_SIZE = 64;

    private AssistantWelcome() {}

    /** The list's placeholder for {@code vm}'s conversation (the file transfer assistant). */
    static Node of(ChatViewModel vm) {
        Texts texts = vm.words().texts();
        ConversationRow c = vm.conversation();
        Node icon = Avatars.of(c.id(), ConversationKind.SELF, "", ICON_SIZE);
        Label title = new Label(texts.get("conversation.self"));
        title.setId("assistant-welcome-title");
        title.getStyleClass().add("assistant-welcome-title");
        Label hint = new Label(texts.get("chat.self.welcome"));
        hint.setId("assistant-welcome-hint");
        hint.getStyleClass().add("assistant-welcome-hint");
        hint.setWrapText(true);
        hint.setTextAlignment(TextAlignment.CENTER);
        hint.setMaxWidth(440);
        VBox box = new VBox(12, icon, title, hint);
        box.setId("assistant-welcome");
        box.getStyleClass().add("assistant-welcome");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true); // a drop lands on the chat below
        box.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.historyLoadedProperty().get() && vm.items().isEmpty(),
                        vm.historyLoadedProperty(),
                        vm.items()));
        return box;
    }
}
