package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * An empty chat's welcome in place of a blank list: the file transfer assistant's icon, name and what it is for, not
 * while the history loads, gone with the first message; a chat with a colleague or a group with its name and an
 * invitation to write.
 */
@ExtendWith(ApplicationExtension.class)
class ChatWelcomeTest {
    static final long ME = 1;
    static final long SELF_CONV = 3;
    static final long DIRECT_CONV = 7;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final List<Message> selfMessages = new ArrayList<>();
    final List<Message> directMessages = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicReference<Stage> stageRef =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) {
        stageRef.set(stage);
        port.names.put(ME, "张伟");
        port.messages.put(SELF_CONV, selfMessages);
        port.messages.put(DIRECT_CONV, directMessages);
    }

    private ChatViewModel show(FxRobot robot, long id, ConversationKind kind, Locale locale) {
        return show(robot, id, kind, "文件传输助手", locale);
    }

    private ChatViewModel show(FxRobot robot, long id, ConversationKind kind, String name, Locale locale) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(locale), clock);
        ConversationRow row =
                new ConversationRow(id, 0, kind, name, MessageTexts.initials(name), "", "", 0, 0, 0, 0, 1);
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
        return robot.lookup("#chat-welcome")
                .tryQuery()
                .map(ChatWelcomeTest::visible)
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
        assertThat(text(robot, "#chat-welcome-title")).isEqualTo("文件传输助手");
        assertThat(text(robot, "#chat-welcome-hint")).isEqualTo("在这里给你自己的其他设备发送文件和消息，拖入文件或文件夹即可");
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
            assertThat(text(robot, "#chat-welcome-title")).isEqualTo("File Transfer");
            assertThat(text(robot, "#chat-welcome-hint"))
                    .isEqualTo("Send files and messages to your other devices. Drag files or folders here.");
            Label hint = robot.lookup("#chat-welcome-hint").queryAs(Label.class);
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
    void anEmptyChatWithAColleagueInvitesAFirstMessageInsteadOfTheListsStockLine(FxRobot robot) throws Exception {
        ChatViewModel vm = show(robot, DIRECT_CONV, ConversationKind.DIRECT, "李娜", Locale.SIMPLIFIED_CHINESE);

        assertThat(showing(robot)).isTrue();
        assertThat(text(robot, "#chat-welcome-title")).isEqualTo("李娜");
        assertThat(text(robot, "#chat-welcome-hint")).isEqualTo("还没有消息，发一条消息打个招呼吧");
        Label hint = robot.lookup("#chat-welcome-hint").queryAs(Label.class);
        Label title = robot.lookup("#chat-welcome-title").queryAs(Label.class);
        double hintMiddle = hint.localToScene(hint.getBoundsInLocal()).getCenterX();
        double textMiddle = hint.lookup(".text")
                .localToScene(hint.lookup(".text").getBoundsInLocal())
                .getCenterX();
        double titleMiddle = title.localToScene(title.getBoundsInLocal()).getCenterX();
        assertThat(textMiddle).as("the one-line hint centred under the name").isCloseTo(titleMiddle, within(2.0));
        assertThat(hintMiddle).isCloseTo(titleMiddle, within(2.0));
        Node placeholder = robot.lookup(".list-view .placeholder").query();
        assertThat(placeholder.lookup("#chat-welcome"))
                .as("the list's placeholder is the welcome, not its stock 'no content' line")
                .isNotNull();
        MainViewFixture.snapshotOf(robot, stage().getScene().getRoot(), "chat-welcome-direct-zh");

        directMessages.add(FakeChatPort.text(DIRECT_CONV, 1, 2, NOW.toEpochMilli(), "你好"));
        robot.interact(() -> port.listeners.forEach(l -> l.entriesChanged(Set.of(DIRECT_CONV))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot)).isFalse();
        assertThat(vm.items()).hasSize(1);
    }

    @Test
    void anEmptyGroupSaysSoInEnglish(FxRobot robot) {
        show(robot, DIRECT_CONV, ConversationKind.GROUP, "Design review", Locale.ENGLISH);

        assertThat(showing(robot)).isTrue();
        assertThat(text(robot, "#chat-welcome-title")).isEqualTo("Design review");
        assertThat(text(robot, "#chat-welcome-hint"))
                .isEqualTo("No messages in this group yet. Start the conversation.");
    }
}
