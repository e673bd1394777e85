package im.magpie.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.ConversationInfo;
import im.magpie.desktop.chat.MainView;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.MessageItem;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.emoji.EmojiLine;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.login.FingerprintQuestion;
import im.magpie.desktop.settings.Preferences;
import im.magpie.desktop.shell.ShellViewModel;
import im.magpie.server.TestServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Notifications end to end: Zhang Wei's main window (headless Monocle, real {@link ClientBackend}, the notification
 * wiring of {@link DesktopApp}) against the real server in-process; Li Na, on another client, writes to him. The
 * message pops up at the bottom right with her name and the text (emoji as images), the sound plays, and clicking the
 * pop-up opens the conversation with the message in it.
 */
@Tag("integration")
@ExtendWith(ApplicationExtension.class)
class NotificationsIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final FingerprintQuestion TRUST = (s, f) -> CompletableFuture.completedFuture(true);

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path work;

    final AtomicInteger sounds = new AtomicInteger();

    @Nullable
    ClientBackend zhang;

    @Nullable
    ClientBackend lina;

    @Nullable
    MainViewModel main;

    @Nullable
    NotificationComponents notifications;

    @Start
    void start(Stage stage) throws Exception {
        for (String a : List.of("zhangwei", "lina")) {
            server.createUser(a);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ClientBackend b = login("zhangwei");
        zhang = b;
        Clock clock = Clock.systemUTC();
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        MainViewModel vm = new MainViewModel(b, words, Platform::runLater);
        main = vm;
        MainView view = new MainView(
                vm, b, words, clock, Platform::runLater, url -> {}, ReceiveSettings.defaults(work.resolve("home")));
        Scene scene = new Scene(view.root(), 900, 600);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        Preferences prefs = Preferences.load(Files.createDirectories(work.resolve("prefs")), work);
        notifications = NotificationComponents.start(
                stage, b.notifications(), words, prefs, sounds::incrementAndGet, vm, ShellViewModel.of(vm));
        vm.start();
    }

    private static ClientBackend login(String account) throws Exception {
        ClientBackend backend = new ClientBackend(Files.createDirectories(work.resolve(account)), null, "it");
        String address = "127.0.0.1:" + server.server().ports().discovery();
        backend.login(address, account, "secret-" + account, TRUST).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return backend;
    }

    @AfterEach
    void close() {
        NotificationComponents n = notifications;
        if (n != null) {
            Platform.runLater(n::dispose);
        }
        MainViewModel vm = main;
        if (vm != null) {
            vm.dispose();
        }
        for (ClientBackend b : java.util.Arrays.asList(zhang, lina)) {
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    void aMessageFromAColleaguePopsUpAndAClickOpensTheConversation(FxRobot robot) throws Exception {
        ClientBackend other = login("lina");
        lina = other;
        ConversationInfo chat = other.openDirect("zhangwei").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        other.sendText(chat.id(), im.magpie.desktop.chat.OutgoingText.of("下午三点开会👍"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        NotificationComponents n = Objects.requireNonNull(notifications);
        Node card = Awaitility.await()
                .atMost(WAIT)
                .until(() -> n.popups().stack().lookup("#notification-" + chat.id()), Objects::nonNull);
        assertThat(n.popups().isShowing()).isTrue();
        assertThat(((Label) card.lookup(".notification-title")).getText()).isEqualTo("LINA");
        EmojiLine line = (EmojiLine) card.lookup(".notification-preview");
        assertThat(line.getText()).isEqualTo("下午三点开会👍");
        assertThat(line.getChildrenUnmodifiable()).hasSize(2); // the text, then the emoji as an image
        assertThat(sounds).hasValue(1);
        javafx.geometry.Bounds at = card.localToScreen(card.getBoundsInLocal());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(at.getMaxX()).isLessThanOrEqualTo(screen.getMaxX()).isGreaterThan(screen.getMaxX() - 60);
        assertThat(at.getMaxY()).isLessThanOrEqualTo(screen.getMaxY()).isGreaterThan(screen.getMaxY() - 60);

        robot.clickOn(card);

        MainViewModel vm = Objects.requireNonNull(main);
        Awaitility.await().atMost(WAIT).until(() -> vm.selectedIdProperty().get() == chat.id());
        assertThat(n.popups().isShowing()).isFalse();
        List<?> shown = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> robot.lookup("#messages")
                                .tryQuery()
                                .map(l -> l instanceof ListView<?> list
                                        ? List.<Object>copyOf(list.getItems())
                                        : List.of())
                                .orElse(List.of()),
                        items -> !items.isEmpty());
        assertThat(shown)
                .map(MessageItem.class::cast)
                .extracting(MessageItem::content)
                .contains(new im.magpie.desktop.chat.Content.Text("下午三点开会👍"));
    }
}
