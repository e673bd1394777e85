package im.magpie.desktop;

import im.magpie.desktop.chat.ChatHooks;
import im.magpie.desktop.chat.MainView;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.group.GroupInfoView;
import im.magpie.desktop.group.GroupInfoViewModel;
import im.magpie.desktop.group.GroupPort;
import im.magpie.desktop.group.MemberPicker;
import im.magpie.desktop.group.MemberPickerViewModel;
import im.magpie.desktop.group.PersonCard;
import im.magpie.desktop.group.PersonCardViewModel;
import im.magpie.desktop.i18n.Texts;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Wires the group screens into the main window: the member picker behind "new group", the group info panel and the
 * hover card of the chats. The hover card is also used by the screenshot command.
 */
final class GroupComponents {
    private final GroupPort port;
    private final Texts texts;
    private final PersonCard card;

    /** {@code openConversation}: the window's navigation to a conversation (the card's "Message"). */
    GroupComponents(GroupPort port, Texts texts, LongConsumer openConversation) {
        this.port = port;
        this.texts = texts;
        this.card = new PersonCard(new PersonCardViewModel(port, texts, Platform::runLater, openConversation), texts);
    }

    void attach(Stage stage, MainView view, MainViewModel main) {
        view.setChatHooks(new ChatHooks(card, this::panel));
        view.onNewGroup(() -> newGroup(stage, main));
        view.onNewChat(() -> startChat(stage, main));
    }

    PersonCard card() {
        return card;
    }

    private javafx.scene.Node panel(long conversationId, Runnable close) {
        GroupInfoViewModel vm = new GroupInfoViewModel(port, texts, Platform::runLater, conversationId);
        GroupInfoView view = new GroupInfoView(vm, texts, card, close);
        vm.start();
        return view.root();
    }

    /** Opens the member picker; the new group opens in the chat list. */
    MemberPickerViewModel newGroup(Stage stage, MainViewModel main) {
        return picker(stage, MemberPickerViewModel.newGroup(port, texts, Platform::runLater, opened(main)));
    }

    /** Opens the member picker for a new chat; the chat (or the group of several) opens in the chat list. */
    MemberPickerViewModel startChat(Stage stage, MainViewModel main) {
        return picker(stage, MemberPickerViewModel.startChat(port, texts, Platform::runLater, opened(main)));
    }

    private MemberPickerViewModel picker(Stage stage, MemberPickerViewModel vm) {
        new MemberPicker(vm, texts).showIn(stage, () -> {});
        vm.start();
        return vm;
    }

    private static LongConsumer opened(MainViewModel main) {
        return id -> {
            main.selectedIdProperty().set(id);
            main.refresh();
        };
    }
}
