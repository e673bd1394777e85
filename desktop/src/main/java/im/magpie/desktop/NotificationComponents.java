package im.magpie.desktop;

import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.notify.ChatWindow;
import im.magpie.desktop.notify.NotificationPopups;
import im.magpie.desktop.notify.NotificationsViewModel;
import im.magpie.desktop.notify.NotifyPort;
import im.magpie.desktop.notify.Sound;
import im.magpie.desktop.notify.UnreadBadges;
import im.magpie.desktop.settings.Preferences;
import im.magpie.desktop.shell.ShellViewModel;
import java.time.Clock;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The notification feature wired to one main window: pop-ups and sound for arriving messages, and the unread count in
 * the title, the tray and the taskbar. Made by {@link MainWindow#start}, disposed with the main window.
 */
final class NotificationComponents {
    private final NotificationsViewModel vm;
    private final NotificationPopups popups;
    private final UnreadBadges badges;

    private NotificationComponents(NotificationsViewModel vm, NotificationPopups popups, UnreadBadges badges) {
        this.vm = vm;
        this.popups = popups;
        this.badges = badges;
    }

    static NotificationComponents start(
            Stage stage,
            NotifyPort port,
            MessageTexts words,
            Preferences prefs,
            Sound sound,
            MainViewModel main,
            ShellViewModel shell) {
        ChatWindow window = new ChatWindow() {
            @Override
            public long focusedConversation() {
                boolean looking = stage.isFocused()
                        && !stage.isIconified()
                        && ShellViewModel.CONVERSATIONS.equals(
                                shell.sectionProperty().get());
                return looking ? main.selectedIdProperty().get() : 0;
            }

            @Override
            public void show(long conversationId) {
                restore(stage);
                shell.openConversation(conversationId);
            }
        };
        NotificationsViewModel vm =
                new NotificationsViewModel(port, words, prefs, sound, window, Clock.systemUTC(), Platform::runLater);
        NotificationPopups popups = new NotificationPopups(vm, words.texts(), stage);
        UnreadBadges badges = new UnreadBadges(stage, words.texts(), shell.unreadTotalProperty(), () -> restore(stage));
        vm.start();
        badges.start();
        return new NotificationComponents(vm, popups, badges);
    }

    /** The window back in front: shown again (after a close to the tray), restored if iconified, focused. */
    static void restore(Stage stage) {
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    /** The pop-ups (for the screenshot command). */
    NotificationPopups popups() {
        return popups;
    }

    NotificationsViewModel viewModel() {
        return vm;
    }

    void dispose() {
        vm.dispose();
        badges.dispose();
    }
}
