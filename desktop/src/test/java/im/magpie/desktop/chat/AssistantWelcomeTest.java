package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The file transfer assistant's first open: a welcome with its icon, name and what it is for in place of a blank chat,
 * not while the history loads, gone with the first message; other chats do without.
 */
@ExtendWith(ApplicationExtension.class)
class AssistantWelcomeTest {
    static final long ME = 1;
    static final long SELF_CONV = 3;
    static final long DIRECT_CONV = 7;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final List<Message> selfMessages = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicReference<Stage> stageRef =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) {
        stageRef.set(stage);
        port.names.put(ME, "张伟");
        port.messages.put(SELF_CONV, selfMessages);
        port.messages.put(DIRECT_CONV, new ArrayList<>());
    }

    private ChatViewModel show(FxRobot robot, long id, ConversationKind kind, Locale locale) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(locale), clock);
        ConversationRow row = new ConversationRow(id, 0, kind, "文件传输助手", "文件传输助手", "", "", 0, 0, 0, 0, 1);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        robot.interact(() -> {
            ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
            SceneFixture.show(stage(), view.root(), 820, 640);
            vm.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private Stage stage() {
        return java.util.Objects.requireNonNull(stageRef.get());
    }

    private static boolean showing(FxRobot robot) {
        return robot.lookup("#assistant-welcome")
                .tryQuery()
                .map(AssistantWelcomeTest::visible)
                .orElse(false);
    }

    /** Visible and in a visible parent, as the user would see it. */
    private static boolean visible(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anEmptyAssistantWelcomesOnceLoadedAndTheFirstMessageTakesItsPlace(FxRobot robot) throws Exception {
        port.holdReads = true;
        show(robot, SELF_CONV, ConversationKind.SELF, Locale.SIMPLIFIED_CHINESE);
        assertThat(showing(robot)).as("not while the history loads").isFalse();

        robot.interact(port::releaseReads);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(showing(robot)).isTrue();
        assertThat(text(robot, "#assistant-welcome-title")).isEqualTo("文件传输助手");
        assertThat(text(robot, "#assistant-welcome-hint")).isEqualTo("在这里给你自己的其他设备发送文件和消息，拖入文件或文件夹即可");
        MainViewFixture.snapshotOf(robot, stage().getScene().getRoot(), "assistant-welcome-zh");

        port.holdReads = false;
        selfMessages.add(FakeChatPort.text(SELF_CONV, 1, ME, NOW.toEpochMilli(), "从手机发来"));
        robot.interact(() -> port.listeners.forEach(l -> l.entriesChanged(Set.of(SELF_CONV))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(showing(robot)).isFalse();
    }

    @Test
    void theWelcomeSpeaksEnglishAndFitsTheDarkTheme(FxRobot robot) throws Exception {
        show(robot, SELF_CONV, ConversationKind.SELF, Locale.ENGLISH);
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertThat(showing(robot)).isTrue();
            assertThat(text(robot, "#assistant-welcome-title")).isEqualTo("File Transfer");
            assertThat(text(robot, "#assistant-welcome-hint"))
                    .isEqualTo("Send files and messages to your other devices. Drag files or folders here.");
            Label hint = robot.lookup("#assistant-welcome-hint").queryAs(Label.class);
            javafx.scene.paint.Color fg = (javafx.scene.paint.Color) hint.getTextFill();
            assertThat(fg.getBrightness())
                    .as("light text on the dark background")
                    .isGreaterThan(0.5);
            MainViewFixture.snapshotOf(robot, stage().getScene().getRoot(), "assistant-welcome-en-dark");
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        }
    }

    @Test
    void anEmptyChatWithAPersonHasNoAssistantWelcome(FxRobot robot) {
        show(robot, DIRECT_CONV, ConversationKind.DIRECT, Locale.SIMPLIFIED_CHINESE);
        assertThat(robot.lookup("#assistant-welcome").tryQuery()).isEmpty();
    }
}
