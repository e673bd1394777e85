package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What a chat shows while it has no messages, in place of a blank list (or the list's stock "no content" line): its
 * avatar, its name and a line for the kind of chat (the file transfer assistant says what it is for, a chat with a
 * colleague invites a first message). It appears only once the history was read (no flash while a page loads) and
 * leaves with the first message, sent or arriving.
 */
final class ChatWelcome {
    static final double ICON_SIZE = 64;

    private ChatWelcome() {}

    /** The list's placeholder for {@code vm}'s conversation. */
    static Node of(ChatViewModel vm) {
        Texts texts = vm.words().texts();
        ConversationRow c = vm.conversation();
        Node icon = c.kind() == ConversationKind.SELF
                ? Avatars.of(c.id(), ConversationKind.SELF, "", ICON_SIZE)
                : Avatars.of(c.avatarId(), c.kind(), c.initials(), ICON_SIZE);
        Label title = new Label(c.kind() == ConversationKind.SELF ? texts.get("conversation.self") : c.name());
        title.setId("chat-welcome-title");
        title.getStyleClass().add("chat-welcome-title");
        Label hint = new Label(texts.get(hintKey(c.kind())));
        hint.setId("chat-welcome-hint");
        hint.getStyleClass().add("chat-welcome-hint");
        hint.setWrapText(true);
        hint.setTextAlignment(TextAlignment.CENTER);
        hint.setAlignment(Pos.CENTER); // a hint of one line too, not only the lines of a wrapped one
        hint.setMaxWidth(440);
        VBox box = new VBox(12, icon, title, hint);
        box.setId("chat-welcome");
        box.getStyleClass().add("chat-welcome");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true); // a drop lands on the chat below
        box.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.historyLoadedProperty().get() && vm.items().isEmpty(),
                        vm.historyLoadedProperty(),
                        vm.items()));
        return box;
    }

    private static String hintKey(ConversationKind kind) {
        return switch (kind) {
            case SELF -> "chat.self.welcome";
            case DIRECT -> "chat.direct.welcome";
            case GROUP -> "chat.group.welcome";
        };
    }
}
