package im.magpie.desktop;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.i18n.UiFonts;
import im.magpie.desktop.login.LoginException;
import im.magpie.desktop.login.LoginFailure;
import im.magpie.desktop.login.LoginView;
import im.magpie.desktop.login.LoginViewModel;
import im.magpie.desktop.login.SignedOutDialog;
import im.magpie.desktop.login.StartFailedDialog;
import im.magpie.desktop.notify.Sound;
import im.magpie.desktop.notify.WavSound;
import im.magpie.desktop.settings.Preferences;
import im.magpie.desktop.settings.Themes;
import im.magpie.desktop.shell.ShellViewModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one {@link ClientBackend}, then the main window when a stored session opens, else the login
 * window. A launch opens the backend and the stored session's encrypted store off the FX thread and builds the main
 * window meanwhile; the window appears once the conversation list is filled. The login window is built only when it
 * is needed (no stored session, log out, an ended session, a remote wipe).
 */
public final class DesktopApp extends Application {
    static final double LOGIN_WIDTH = 460;
    static final double LOGIN_HEIGHT = 680;
    static final double MAIN_WIDTH = 1180;
    static final double MAIN_HEIGHT = 760;
    /** A stored session without any conversation shows its (empty) main window this long after the store opened. */
    static final Duration SHOW_EMPTY_AFTER = Duration.millis(1500);

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private @Nullable ClientBackend backend;
    private @Nullable MainWindow main;
    private @Nullable Preferences preferences;
    private final ExecutorService soundThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "magpie-sound");
        t.setDaemon(true);
        return t;
    });
    private final Sound sound = new WavSound(soundThread);

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(
                getParameters().getRaw(), Path.of(System.getProperty("user.home")), Locale.getDefault());
        Preferences prefs = Preferences.load(options.dataDir(), Path.of(System.getProperty("user.home")));
        preferences = prefs;
        Themes.apply(prefs.themeProperty().get());
        prefs.themeProperty().addListener((o, was, now) -> Themes.apply(now));
        Locale chosen = prefs.languageProperty().get();
        boolean langGiven = getParameters().getRaw().contains("--lang");
        Texts texts = new Texts(chosen != null && !langGiven ? chosen : options.locale());
        stage.setTitle(texts.get("app.title"));
        // the client library's start-up (Netty, TLS, JSON, the store's driver) is not the FX thread's work
        var unused = CompletableFuture.supplyAsync(() -> openBackend(options, prefs), DesktopApp::startThread)
                .whenCompleteAsync((b, failure) -> opened(stage, texts, options, b, failure), Platform::runLater);
    }

    private static ClientBackend openBackend(DesktopOptions options, Preferences prefs) {
        try {
            return new ClientBackend(
                    options.dataDir(), options.server(), deviceName(), MainWindow.receiveSettings(prefs));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static void startThread(Runnable work) {
        Thread t = new Thread(work, "magpie-start");
        t.setDaemon(true);
        t.start();
    }

    /** On the FX thread once the backend is open (or could not be). */
    private void opened(
            Stage stage, Texts texts, DesktopOptions options, @Nullable ClientBackend b, @Nullable Throwable failure) {
        if (b == null) {
            Throwable cause = unwrapped(failure);
            LOG.error("cannot open the data directory {}", options.dataDir(), cause);
            StartFailedDialog.dataDir(texts, options.dataDir(), String.valueOf(cause.getMessage()), Platform::exit)
                    .show();
            return;
        }
        backend = b;
        b.onDeviceWiped(() -> Platform.runLater(() -> deviceWiped(stage, texts)));
        Path shots = options.screenshots();
        if (shots != null) {
            new Screenshots(this, b, stage, shots, options.account()).run();
        } else if (b.hasSession()) {
            resume(stage, texts, b);
        } else {
            showLogin(stage, texts);
        }
    }

    /**
     * Straight into the main window: the store opens on a client thread while the FX thread builds the window; the
     * window shows once the conversation list is filled (no empty list flashes by).
     */
    private void resume(Stage stage, Texts texts, ClientBackend b) {
        CompletableFuture<Void> opening = b.openStoredSession();
        MainWindow w = newMain(stage, texts);
        Scene scene = scene(w.root(), MAIN_WIDTH, MAIN_HEIGHT, texts);
        scene.getRoot().applyCss(); // styled while the store opens
        var unused = opening.whenCompleteAsync(
                (ok, failure) -> {
                    if (main != w) {
                        return; // closed meanwhile (a remote wipe)
                    }
                    if (failure != null) {
                        closeMain();
                        storedSessionFailed(stage, texts, failure);
                        return;
                    }
                    setSizedScene(stage, scene, true);
                    w.start();
                    showWhenFilled(stage, w);
                },
                Platform::runLater);
    }

    /** Shows the main window once its list has rows, or {@link #SHOW_EMPTY_AFTER} later when there are none. */
    private void showWhenFilled(Stage stage, MainWindow w) {
        ObservableList<ConversationRow> rows = w.viewModel().rows();
        PauseTransition empty = new PauseTransition(SHOW_EMPTY_AFTER);
        Runnable show = () -> {
            empty.stop();
            if (main == w && !stage.isShowing()) {
                showMainStage(stage);
            }
        };
        rows.addListener(new ListChangeListener<ConversationRow>() {
            @Override
            public void onChanged(Change<? extends ConversationRow> c) {
                rows.removeListener(this);
                show.run();
            }
        });
        empty.setOnFinished(e -> show.run());
        empty.play();
    }

    /**
     * Puts {@code scene} in the stage and gives the stage the scene's size. A stage that is already showing keeps its
     * size when its scene is replaced, and on Linux (GTK) a window that is not resizable, as the login window, keeps
     * it even through {@code sizeToScene()} in the same pulse: the main window opened after a first login at the login
     * window's 460 px (the chat a sliver), and the login window after "log out" at the main window's size. So the
     * window is made resizable first and sized, then made {@code resizable} or not and centred, on the next pulse.
     */
    static void setSizedScene(Stage stage, Scene scene, boolean resizable) {
        if (!stage.isShowing()) {
            stage.setScene(scene); // shown later at the scene's size
            stage.setResizable(resizable);
            return;
        }
        stage.setResizable(true);
        stage.setScene(scene);
        Platform.runLater(() -> {
            if (stage.getScene() == scene) {
                stage.sizeToScene();
                stage.setResizable(resizable);
                stage.centerOnScreen();
            }
        });
    }

    private static void showMainStage(Stage stage) {
        stage.setResizable(true);
        stage.centerOnScreen();
        stage.show();
    }

    /** The stored session could not be opened: the login window, after a dialog when the local data is unreadable. */
    private void storedSessionFailed(Stage stage, Texts texts, Throwable failure) {
        Throwable cause = unwrapped(failure);
        LoginException e = cause instanceof LoginException le
                ? le
                : new LoginException(LoginFailure.LOCAL_DATA, String.valueOf(cause.getMessage()), cause);
        if (e.failure() == LoginFailure.LOCAL_DATA) {
            LOG.error("cannot open the stored session", e);
            StartFailedDialog.localData(
                            texts, e.detail(), () -> showLogin(stage, texts).explain(e.failure()))
                    .show();
        } else {
            LOG.info("the stored session cannot be resumed: {}", e.getMessage());
            showLogin(stage, texts).explain(e.failure());
        }
    }

    /** Shows the login window. */
    LoginViewModel showLogin(Stage stage, Texts texts) {
        return showLogin(stage, texts, Objects.requireNonNull(backend));
    }

    /** The login window over {@code b} (the screenshot command uses a fresh data directory for first contact). */
    LoginViewModel showLogin(Stage stage, Texts texts, ClientBackend b) {
        LoginViewModel vm = new LoginViewModel(b, texts, Platform::runLater);
        vm.loggedInProperty().addListener((o, was, now) -> {
            if (now) {
                showMain(stage, texts);
            }
        });
        setSizedScene(stage, scene(new LoginView(vm, texts).root(), LOGIN_WIDTH, LOGIN_HEIGHT, texts), false);
        stage.show();
        return vm;
    }

    /** The main window after a login (and for the screenshot command): built, shown, then started. */
    MainViewModel showMain(Stage stage, Texts texts) {
        MainWindow w = newMain(stage, texts);
        setSizedScene(stage, scene(w.root(), MAIN_WIDTH, MAIN_HEIGHT, texts), true);
        showMainStage(stage);
        w.start();
        return w.viewModel();
    }

    private MainWindow newMain(Stage stage, Texts texts) {
        closeMain();
        MainWindow w = new MainWindow(
                stage, texts, Objects.requireNonNull(backend), preferences(), sound, new MainWindow.Host() {
                    @Override
                    public void sessionEnded(String message) {
                        SignedOutDialog.sessionEnded(stage, texts, message, () -> backToLogin(stage, texts))
                                .show();
                    }

                    @Override
                    public void signedOut() {
                        backToLogin(stage, texts);
                    }

                    @Override
                    public void openLink(String url) {
                        getHostServices().showDocument(url);
                    }
                });
        main = w;
        return w;
    }

    /** The notifications of the main window shown last (the screenshot command shows a pop-up). */
    @Nullable
    NotificationComponents notifications() {
        MainWindow w = main;
        return w == null ? null : w.notifications();
    }

    /** The group screens of the main window shown last (the screenshot command opens them). */
    @Nullable
    GroupComponents groups() {
        MainWindow w = main;
        return w == null ? null : w.groups();
    }

    /** The navigation state of the main window shown last (the screenshot command switches sections). */
    @Nullable
    ShellViewModel shell() {
        MainWindow w = main;
        return w == null ? null : w.shell();
    }

    /** An administrator's remote wipe deleted this device's data: say so clearly, then back to the login window. */
    private void deviceWiped(Stage stage, Texts texts) {
        SignedOutDialog.deviceWiped(stage, texts, () -> backToLogin(stage, texts))
                .show();
    }

    private void backToLogin(Stage stage, Texts texts) {
        closeMain();
        showLogin(stage, texts);
        stage.centerOnScreen();
    }

    /** The preferences of this OS user (defaults in a fresh data directory). */
    Preferences preferences() {
        return Objects.requireNonNull(preferences, "preferences are loaded at start");
    }

    /** Stops the main window shown last, if any. */
    private void closeMain() {
        MainWindow w = main;
        if (w != null) {
            w.dispose();
            main = null;
        }
    }

    /**
     * A window's scene: desktop.css, then the font of the language ({@link UiFonts}). The other windows, popups and
     * dialogs take their owner's stylesheets.
     */
    private static Scene scene(Parent root, double width, double height, Texts texts) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets()
                .add(Objects.requireNonNull(DesktopApp.class.getResource("desktop.css"))
                        .toExternalForm());
        UiFonts.stylesheet(texts.locale()).ifPresent(scene.getStylesheets()::add);
        return scene;
    }

    private static Throwable unwrapped(@Nullable Throwable failure) {
        if (failure == null) {
            return new IllegalStateException("no failure given");
        }
        Throwable cause = failure.getCause();
        return failure instanceof CompletionException && cause != null ? cause : failure;
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
