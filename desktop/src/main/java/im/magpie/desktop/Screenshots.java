package im.magpie.desktop;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.login.LoginViewModel;
import im.magpie.desktop.settings.Theme;
import im.magpie.desktop.shell.ShellViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --screenshots DIR}: signs in (stored session, or {@code --account} with {@code $MAGPIE_PASSWORD}), then
 * renders the login window, the main window (a direct chat and a group), the contacts and the settings (light and
 * dark), a recalled message, the "reconnecting" banner and the "signed out" dialog in zh-CN and English to PNGs, and
 * exits.
 */
final class Screenshots {
    private static final Logger LOG = LoggerFactory.getLogger(Screenshots.class);
    private static final Duration SETTLE = Duration.millis(1800);
    private static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final DesktopApp app;
    private final ClientBackend backend;
    private final Stage stage;
    private final Path dir;
    private final @Nullable String account;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final ChatScreenshots chat;
    private final FeatureScreenshots features;
    private final GroupScreenshots groupShots;
    private final RepliesScreenshots replies;
    private final StateScreenshots states;
    private @Nullable MainViewModel main;
    private @Nullable ClientBackend firstContactBackend;
    private @Nullable LoginViewModel firstContactLogin;

    Screenshots(DesktopApp app, ClientBackend backend, Stage stage, Path dir, @Nullable String account) {
        this.app = app;
        this.backend = backend;
        this.stage = stage;
        this.dir = dir;
        this.account = account;
        this.chat = new ChatScreenshots(stage);
        this.features = new FeatureScreenshots(app, backend, stage);
        this.groupShots = new GroupScreenshots(app, stage);
        this.replies = new RepliesScreenshots(stage, backend);
        this.states = new StateScreenshots(backend, stage);
    }

    void run() {
        try {
            Files.createDirectories(dir);
            signIn();
            states.prepareRecall();
        } catch (IOException
                | InterruptedException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            LOG.error("screenshots: cannot sign in (or recall a message)", e);
            Platform.exit();
            return;
        }
        for (Locale locale : LOCALES) {
            Texts texts = new Texts(locale);
            String tag = locale.toLanguageTag();
            steps.add(() -> {
                LoginViewModel vm = app.showLogin(stage, texts);
                vm.passwordProperty().set("");
            });
            steps.add(() -> shoot("login-" + tag));
            steps.add(() -> firstContact(texts));
            steps.add(() -> shoot("first-contact-" + tag));
            steps.add(this::closeFirstContact);
            steps.add(() -> main = app.showMain(stage, texts));
            steps.add(() -> FeatureScreenshots.pinAndMute(main));
            steps.add(() -> select(ConversationKind.DIRECT));
            steps.add(() -> shoot("main-" + tag));
            steps.add(() -> features.popUpNotifications(main));
            steps.add(() -> write("notification-" + tag, features.withNotifications()));
            steps.add(features::dismissNotifications);
            steps.add(chat::openEmojiPicker);
            steps.add(() -> shoot("emoji-" + tag));
            steps.add(chat::closePopups);
            steps.add(chat::openNewestPicture);
            steps.add(() -> shootViewer("viewer-" + tag));
            steps.add(chat::closeViewer);
            steps.add(chat::selectNewest);
            steps.add(() -> shoot("select-" + tag));
            steps.add(chat::endSelection);
            steps.add(() -> select(ConversationKind.SELF));
            steps.add(chat::startUpload);
            steps.add(() -> shoot("file-progress-" + tag));
            steps.add(chat::cancelUpload);
            steps.add(() -> select(ConversationKind.GROUP));
            steps.add(() -> shoot("group-" + tag));
            steps.add(features::typeMention);
            steps.add(() -> shoot("mention-" + tag));
            steps.add(features::clearComposer);
            String query = locale.getLanguage().equals("zh")
                    ? FeatureScreenshots.HISTORY_QUERY_ZH
                    : FeatureScreenshots.HISTORY_QUERY_EN;
            steps.add(() -> features.searchHistory(query));
            steps.add(() -> shootWindow("history-" + tag, features.history()));
            steps.add(features::closeHistory);
            addGroupShots(tag);
            steps.add(() -> select(ConversationKind.GROUP));
            steps.add(() -> replies.prepare(main == null ? List.of() : List.copyOf(main.rows())));
            steps.add(chat::closePopups); // the @mention list of the earlier step
            steps.add(replies::openReadBy);
            steps.add(() -> shoot("replies-" + tag));
            steps.add(chat::closePopups);
            for (Theme theme : Theme.values()) {
                String suffix = tag + (theme == Theme.DARK ? "-dark" : "");
                steps.add(() -> {
                    app.preferences().themeProperty().set(theme);
                    section(ShellViewModel.CONTACTS); // the contacts load when first shown
                });
                // light: the frequent contacts (常用联系人, M14); dark: every colleague
                String scope = theme == Theme.DARK ? "#all-colleagues" : "#frequent-contacts";
                steps.add(() -> NodeClicks.clickNewest(stage.getScene(), scope, "no " + scope + " entry"));
                steps.add(this::selectContact);
                steps.add(() -> shoot("contacts-" + suffix));
                steps.add(() -> section(ShellViewModel.SETTINGS));
                steps.add(() -> shoot("settings-" + suffix));
                steps.add(() -> section(ShellViewModel.CONVERSATIONS));
                if (theme == Theme.DARK) {
                    steps.add(() -> shoot("main-" + suffix));
                }
            }
            steps.add(() -> app.preferences().themeProperty().set(Theme.LIGHT));
            addStateShots(tag);
        }
        steps.add(Platform::exit);
        next();
    }

    /** The group info panel, a member's hover card and the member picker (self-contained; see GroupScreenshots). */
    private void addGroupShots(String tag) {
        steps.add(groupShots::openPanel);
        steps.add(() -> shoot("group-info-" + tag));
        steps.add(groupShots::showCard);
        steps.add(() -> shoot("hover-card-" + tag));
        steps.add(groupShots::hideCard);
        steps.add(groupShots::closePanel);
        steps.add(() -> groupShots.openPicker(main));
        steps.add(() -> groupShots.shootPicker(dir.resolve("member-picker-" + tag + ".png")));
        steps.add(groupShots::closePicker);
    }

    /**
     * A recalled message, the "reconnecting" banner over that chat, then the "signed out" dialog, which ends with the
     * login window (see StateScreenshots).
     */
    private void addStateShots(String tag) {
        steps.add(() -> states.openRecalledChat(main));
        steps.add(() -> shoot("recalled-" + tag));
        steps.add(() -> StateScreenshots.loseConnection(main));
        steps.add(() -> shoot("reconnecting-" + tag));
        steps.add(() -> states.reconnected(main));
        steps.add(() -> StateScreenshots.endSession(main));
        steps.add(() -> write("session-ended-" + tag, states.withDialog()));
        steps.add(states::closeDialog);
    }

    private void signIn()
            throws IOException, InterruptedException, java.util.concurrent.ExecutionException,
                    java.util.concurrent.TimeoutException {
        String password = System.getenv("MAGPIE_PASSWORD");
        String who = account;
        if (backend.hasSession()) {
            backend.resume().get(30, TimeUnit.SECONDS);
        } else if (who != null && password != null) {
            backend.login(
                            backend.rememberedServer(),
                            who,
                            password,
                            (s, f) -> java.util.concurrent.CompletableFuture.completedFuture(true))
                    .get(30, TimeUnit.SECONDS);
        } else {
            throw new IOException("no stored session: pass --server, --account and $MAGPIE_PASSWORD");
        }
    }

    /** A real first contact: a fresh data directory asks to trust the server's real fingerprint. */
    private void firstContact(Texts texts) {
        try {
            Path fresh = Files.createTempDirectory("magpie-first-contact");
            ClientBackend b = new ClientBackend(fresh, backend.rememberedServer(), "screenshots");
            firstContactBackend = b;
            LoginViewModel vm = app.showLogin(stage, texts, b);
            vm.accountProperty().set(backend.rememberedAccount().orElse(""));
            vm.passwordProperty().set("not-sent-before-the-fingerprint-is-trusted");
            vm.login();
            firstContactLogin = vm;
        } catch (IOException e) {
            LOG.error("screenshots: cannot open a fresh data directory", e);
        }
    }

    private void closeFirstContact() {
        LoginViewModel vm = firstContactLogin;
        if (vm != null) {
            vm.rejectFingerprint();
        }
        ClientBackend b = firstContactBackend;
        if (b != null) {
            b.close();
        }
        firstContactLogin = null;
        firstContactBackend = null;
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        step.run();
        PauseTransition wait = new PauseTransition(SETTLE);
        wait.setOnFinished(e -> next());
        wait.play();
    }

    private void select(ConversationKind kind) {
        MainViewModel vm = main;
        if (vm == null) {
            return;
        }
        Optional<ConversationRow> row = vm.rows().stream()
                .filter(r -> r.kind() == kind)
                .min(java.util.Comparator.comparingLong(ConversationRow::id));
        row.ifPresent(r -> vm.selectedIdProperty().set(r.id()));
    }

    private void section(String id) {
        ShellViewModel shell = app.shell();
        if (shell != null) {
            shell.show(id);
        }
    }

    /** Selects the first colleague in the contacts list who has a signature (else the first one). */
    private void selectContact() {
        if (stage.getScene().lookup("#contacts") instanceof javafx.scene.control.ListView<?> list) {
            int pick = 0;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof im.magpie.desktop.contacts.Contact c
                        && !c.signature().isEmpty()) {
                    pick = i;
                    break;
                }
            }
            list.getSelectionModel().select(pick);
        }
    }

    private void shootViewer(String name) {
        shootWindow(name, chat.viewer());
    }

    /** A window of its own (the picture viewer, the history viewer); none: no shot. */
    private void shootWindow(String name, @Nullable Stage window) {
        if (window != null) {
            write(name, SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null));
        }
    }

    private void write(String name, java.awt.image.BufferedImage image) {
        Path file = dir.resolve(name + ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
            LOG.info("wrote {}", file);
        } catch (IOException e) {
            LOG.error("cannot write {}", file, e);
        }
    }

    private void shoot(String name) {
        Path file = dir.resolve(name + ".png");
        if (stage.getScene().lookup("#messages") instanceof javafx.scene.control.ListView<?> list) {
            LOG.info("{}: {} messages shown", name, list.getItems().size());
        }
        try {
            ImageIO.write(ChatScreenshots.withPopups(stage), "png", file.toFile());
            LOG.info("wrote {}", file);
        } catch (IOException e) {
            LOG.error("cannot write {}", file, e);
        }
    }
}
