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
import im.magpie.desktop.login.LoginView;
import im.magpie.desktop.login.LoginViewModel;
import im.magpie.desktop.login.SignedOutDialog;
import im.magpie.desktop.notify.Sound;
import im.magpie.desktop.notify.WavSound;
import im.magpie.desktop.settings.Preferences;
import im.magpie.desktop.settings.SettingsView;
import im.magpie.desktop.settings.SettingsViewModel;
import im.magpie.desktop.settings.Themes;
import im.magpie.desktop.shell.ShellView;
import im.magpie.desktop.shell.ShellViewModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: one {@link ClientBackend}, the login window, then the main window. */
public final class DesktopApp extends Application {
    static final double LOGIN_WIDTH = 460;
    static final double LOGIN_HEIGHT = 680;
    static final double MAIN_WIDTH = 1180;
    static final double MAIN_HEIGHT = 760;
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private @Nullable ClientBackend backend;
    private @Nullable MainViewModel main;
    private @Nullable ShellViewModel shell;
    private @Nullable ContactsViewModel contacts;
    private @Nullable Preferences preferences;
    private @Nullable NotificationComponents notifications;
    private final ExecutorService soundThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "magpie-sound");
        t.setDaemon(true);
        return t;
    });
    private final Sound sound = new WavSound(soundThread);
    private @Nullable GroupComponents groups;

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(
                getParameters().getRaw(), Path.of(System.getProperty("user.home")), Locale.getDefault());
        Preferences prefs = Preferences.load(options.dataDir(), Path.of(System.getProperty("user.home")));
        preferences = prefs;
        Themes.apply(prefs.themeProperty().get());
        prefs.themeProperty().addListener((o, was, now) -> Themes.apply(now));
        ClientBackend b;
        try {
            b = new ClientBackend(options.dataDir(), options.server(), deviceName(), receiveSettings(prefs));
        } catch (IOException e) {
            LOG.error("cannot open the data directory {}", options.dataDir(), e);
            Platform.exit();
            return;
        }
        backend = b;
        Locale chosen = prefs.languageProperty().get();
        boolean langGiven = getParameters().getRaw().contains("--lang");
        Texts texts = new Texts(chosen != null && !langGiven ? chosen : options.locale());
        stage.setTitle(texts.get("app.title"));
        b.onDeviceWiped(() -> Platform.runLater(() -> deviceWiped(stage, texts)));
        Path shots = options.screenshots();
        if (shots != null) {
            new Screenshots(this, b, stage, shots, options.account()).run();
        } else {
            showLogin(stage, texts, true);
        }
    }

    /** Shows the login window; {@code resume} tries the remembered session first. */
    LoginViewModel showLogin(Stage stage, Texts texts, boolean resume) {
        return showLogin(stage, texts, resume, Objects.requireNonNull(backend));
    }

    /** The login window over {@code b} (the screenshot command uses a fresh data directory for first contact). */
    LoginViewModel showLogin(Stage stage, Texts texts, boolean resume, ClientBackend b) {
        LoginViewModel vm = new LoginViewModel(b, texts, Platform::runLater);
        vm.loggedInProperty().addListener((o, was, now) -> {
            if (now) {
                showMain(stage, texts);
            }
        });
        show(stage, new LoginView(vm, texts).root(), LOGIN_WIDTH, LOGIN_HEIGHT);
        stage.setResizable(false);
        if (resume) {
            vm.start();
        }
        return vm;
    }

    MainViewModel showMain(Stage stage, Texts texts) {
        ClientBackend b = Objects.requireNonNull(backend);
        closeMain();
        Clock clock = Clock.system(java.time.ZoneId.systemDefault()); // the user sees local times
        MessageTexts words = new MessageTexts(texts, clock);
        MainViewModel vm = new MainViewModel(b, words, Platform::runLater);
        main = vm;
        MainView view = new MainView(
                vm,
                b,
                words,
                clock,
                Platform::runLater,
                url -> getHostServices().showDocument(url),
                receiveSettings(preferences()));
        view.onHistory(id -> openHistory(stage, b, words, vm, view, id));
        vm.sessionEndedProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                sessionEnded(stage, texts, now);
            }
        });
        stage.setResizable(true);
        ShellViewModel shellVm = ShellViewModel.of(vm);
        shell = shellVm;
        groups = new GroupComponents(b.groups(), texts, shellVm::openConversation);
        groups.attach(stage, view, vm);
        ShellView frame = new ShellView(shellVm, texts);
        frame.addSection(ShellViewModel.CONVERSATIONS, Feather.MESSAGE_SQUARE, "rail.conversations", view.root(), TOP);
        ContactsViewModel people =
                new ContactsViewModel(b.contacts(), texts, Platform::runLater, shellVm::openConversation);
        contacts = people;
        frame.addSection(
                ShellViewModel.CONTACTS, Feather.USERS, "rail.contacts", new ContactsView(people, texts).root(), TOP);
        frame.addAction(
                ShellViewModel.FILE_TRANSFER, Feather.MONITOR, "rail.fileTransfer", shellVm::openFileTransfer, TOP);
        frame.addAction("history", Feather.CLOCK, "rail.history", () -> view.openHistory(0), TOP);
        SettingsViewModel settings = new SettingsViewModel(
                b.settings(), preferences(), texts, Platform::runLater, () -> backToLogin(stage, texts));
        frame.addSection(
                ShellViewModel.SETTINGS,
                Feather.SETTINGS,
                "rail.settings",
                new SettingsView(settings, texts).root(),
                ShellView.Placement.BOTTOM);
        show(stage, frame.root(), MAIN_WIDTH, MAIN_HEIGHT);
        stage.centerOnScreen();
        LaunchProbe.attachIfEnabled(stage.getScene(), vm);
        notifications =
                NotificationComponents.start(stage, b.notifications(), words, preferences(), sound, vm, shellVm);
        vm.start();
        startWhenShown(shellVm, ShellViewModel.CONTACTS, people::start);
        settings.start();
        return vm;
    }

    /** The notifications of the main window shown last (the screenshot command shows a pop-up). */
    @Nullable
    NotificationComponents notifications() {
        return notifications;
    }

    /** The group screens of the main window shown last (the screenshot command opens them). */
    @Nullable
    GroupComponents groups() {
        return groups;
    }

    /**
     * Runs {@code start} the first time the section {@code id} is shown: the directory of a large company (100,000
     * people) is read, indexed and refreshed from the server only when someone looks at it, not at every launch.
     */
    private static void startWhenShown(ShellViewModel shell, String id, Runnable start) {
        shell.sectionProperty().addListener(new javafx.beans.value.ChangeListener<String>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String now) {
                if (id.equals(now)) {
                    shell.sectionProperty().removeListener(this);
                    start.run();
                }
            }
        });
    }

    /** The navigation state of the main window shown last (the screenshot command switches sections). */
    @Nullable
    ShellViewModel shell() {
        return shell;
    }

    /** The history viewer over the main window, restricted to {@code conversationId} unless 0. */
    private static void openHistory(
            Stage stage, ClientBackend b, MessageTexts words, MainViewModel vm, MainView view, long conversationId) {
        List<Choice> conversations =
                vm.rows().stream().map(r -> new Choice(r.id(), r.name())).toList();
        HistoryViewModel history = new HistoryViewModel(
                b.history(), words, conversations, ZoneId.systemDefault(), view::showMessage, Platform::runLater);
        history.restrictTo(conversationId);
        new HistoryView(history, words.texts()).showIn(stage);
        history.start();
    }

    private void sessionEnded(Stage stage, Texts texts, String message) {
        SignedOutDialog.sessionEnded(stage, texts, message, () -> backToLogin(stage, texts))
                .show();
    }

    /** An administrator's remote wipe deleted this device's data: say so clearly, then back to the login window. */
    private void deviceWiped(Stage stage, Texts texts) {
        SignedOutDialog.deviceWiped(stage, texts, () -> backToLogin(stage, texts))
                .show();
    }

    private void backToLogin(Stage stage, Texts texts) {
        closeMain();
        showLogin(stage, texts, false);
        stage.centerOnScreen();
    }

    /** The download folder and auto-receive choice, as the settings section has them now. */
    private static ReceiveSettings receiveSettings(Preferences prefs) {
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

    /** The preferences of this OS user (defaults in a fresh data directory). */
    Preferences preferences() {
        return Objects.requireNonNull(preferences, "preferences are loaded at start");
    }

    /** Stops the view-models of the main window shown last, if any. */
    private void closeMain() {
        MainViewModel vm = main;
        if (vm != null) {
            vm.dispose();
            main = null;
        }
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

    private static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets()
                .add(Objects.requireNonNull(DesktopApp.class.getResource("desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static String deviceName() {
        try {
            return "Magpie Desktop@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "Magpie Desktop";
        }
    }

    @Override
    public void stop() {
        closeMain();
        ClientBackend b = backend;
        if (b != null) {
            b.close();
        }
        soundThread.shutdownNow();
    }
}
