package im.magpie.desktop;

import static im.magpie.desktop.shell.ShellView.Placement.TOP;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.MainView;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.contacts.ContactsView;
import im.magpie.desktop.contacts.ContactsViewModel;
import im.magpie.desktop.history.Choice;
import im.magpie.desktop.history.HistoryView;
import im.magpie.desktop.history.HistoryViewModel;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.notify.Sound;
import im.magpie.desktop.settings.Preferences;
import im.magpie.desktop.settings.SettingsView;
import im.magpie.desktop.settings.SettingsViewModel;
import im.magpie.desktop.shell.ShellView;
import im.magpie.desktop.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's content over one {@link ClientBackend}: the rail and its sections, the group screens and the
 * notifications. It is built on the FX thread without touching the store (so a launch builds it while the stored
 * session's store opens on another thread), then {@link #start() started} once the store is open. The contacts and the
 * settings sections are built, and start reading, when they are first shown.
 */
final class MainWindow {
    /** What the window asks of the application. */
    interface Host {
        /** The session ended on the server's side (translated reason): a dialog, then the login window. */
        void sessionEnded(String message);

        /** The user logged out or removed the local data: back to the login window. */
        void signedOut();

        void openLink(String url);
    }

    private final Stage stage;
    private final Texts texts;
    private final ClientBackend backend;
    private final Preferences preferences;
    private final Sound sound;
    private final MessageTexts words;
    private final MainViewModel vm;
    private final MainView view;
    private final ShellViewModel shell;
    private final GroupComponents groups;
    private final ShellView frame;
    private @Nullable ContactsViewModel contacts;
    private @Nullable NotificationComponents notifications;

    MainWindow(Stage stage, Texts texts, ClientBackend backend, Preferences preferences, Sound sound, Host host) {
        this.stage = stage;
        this.texts = texts;
        this.backend = backend;
        this.preferences = preferences;
        this.sound = sound;
        Clock clock = Clock.system(ZoneId.systemDefault()); // the user sees local times
        words = new MessageTexts(texts, clock);
        vm = new MainViewModel(backend, words, Platform::runLater);
        view = new MainView(
                vm, backend, words, clock, Platform::runLater, host::openLink, receiveSettings(preferences));
        view.onHistory(this::openHistory);
        vm.sessionEndedProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                host.sessionEnded(now);
            }
        });
        shell = ShellViewModel.of(vm);
        groups = new GroupComponents(backend.groups(), texts, shell::openConversation);
        groups.attach(stage, view, vm);
        frame = new ShellView(shell, texts);
        frame.addSection(ShellViewModel.CONVERSATIONS, Feather.MESSAGE_SQUARE, "rail.conversations", view::root, TOP);
        frame.addSection(ShellViewModel.CONTACTS, Feather.USERS, "rail.contacts", this::contactsSection, TOP);
        frame.addAction(
                ShellViewModel.FILE_TRANSFER, Feather.MONITOR, "rail.fileTransfer", shell::openFileTransfer, TOP);
        frame.addAction("history", Feather.CLOCK, "rail.history", () -> view.openHistory(0), TOP);
        frame.addSection(
                ShellViewModel.SETTINGS,
                Feather.SETTINGS,
                "rail.settings",
                () -> settingsSection(host::signedOut),
                ShellView.Placement.BOTTOM);
    }

    Parent root() {
        return frame.root();
    }

    MainViewModel viewModel() {
        return vm;
    }

    ShellViewModel shell() {
        return shell;
    }

    GroupComponents groups() {
        return groups;
    }

    @Nullable
    NotificationComponents notifications() {
        return notifications;
    }

    /** Once the session's store is open and the window's scene is set: loads the list, starts the notifications. */
    void start() {
        LaunchProbe.attachIfEnabled(stage.getScene(), vm);
        notifications =
                NotificationComponents.start(stage, backend.notifications(), words, preferences, sound, vm, shell);
        vm.start();
    }

    void dispose() {
        vm.dispose();
        ContactsViewModel c = contacts;
        if (c != null) {
            c.dispose();
            contacts = null;
        }
        NotificationComponents n = notifications;
        if (n != null) {
            n.dispose();
            notifications = null;
        }
    }

    /**
     * The contacts section, when first shown: the directory of a large company (100,000 people) is read, indexed and
     * refreshed from the server only when someone looks at it, not at every launch.
     */
    private Node contactsSection() {
        ContactsViewModel people =
                new ContactsViewModel(backend.contacts(), texts, Platform::runLater, shell::openConversation);
        contacts = people;
        Node root = new ContactsView(people, texts).root();
        people.start();
        return root;
    }

    private Node settingsSection(Runnable signedOut) {
        SettingsViewModel settings =
                new SettingsViewModel(backend.settings(), preferences, texts, Platform::runLater, signedOut);
        Node root = new SettingsView(settings, texts).root();
        settings.start();
        return root;
    }

    /** The history viewer over the main window, restricted to {@code conversationId} unless 0. */
    private void openHistory(long conversationId) {
        List<Choice> conversations =
                vm.rows().stream().map(r -> new Choice(r.id(), r.name())).toList();
        HistoryViewModel history = new HistoryViewModel(
                backend.history(), words, conversations, ZoneId.systemDefault(), view::showMessage, Platform::runLater);
        history.restrictTo(conversationId);
        new HistoryView(history, words.texts()).showIn(stage);
        history.start();
    }

    /** The download folder and auto-receive choice, as the settings section has them now. */
    static ReceiveSettings receiveSettings(Preferences prefs) {
        return new ReceiveSettings() {
            @Override
            public Path downloadFolder() {
                return prefs.downloadDirProperty().get();
            }

            @Override
            public boolean autoReceive() {
                return prefs.autoReceiveProperty().get();
            }
        };
    }
}
