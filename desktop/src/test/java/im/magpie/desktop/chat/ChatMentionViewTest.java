package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The {@literal @}mention autocomplete of a group composer headless (Monocle), and the "mentioned you" badge. */
@ExtendWith(ApplicationExtension.class)
class ChatMentionViewTest {
    static final long ME = 1;
    static final long LILEI = 2;
    static final long LISA = 3;
    static final long CONV = 30;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @Start
    void start(Stage stage) {
        port.names.put(LISA, "Lisa Chen");
        port.members.addAll(List.of(
                new Member(ME, "张伟", "zhangwei"),
                new Member(LILEI, "李雷", "lilei"),
                new Member(LISA, "Lisa Chen", "lisa"),
                new Member(4, "王芳", "wangfang")));
        port.messages.put(
                CONV,
                List.of(new Message(
                        CONV, 1, LISA, NOW.toEpochMilli(), new Content.Text("@张伟 请看一下", List.of(ME)), false, "")));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "项目组", "项", "", "", 0, 0, 1, 1, 4);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        SceneFixture.show(stage, view.root(), 820, 600);
        vm.start();
    }

    @Test
    void typingAtLiListsMatchingMembersAndEnterPicksThenSendsTheMention(FxRobot robot) {
        robot.clickOn("#input").write("@li");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#mention-list").queryAs(ListView.class);
        assertThat(list.isVisible()).isTrue();
        assertThat(list.getItems()).extracting(m -> ((Member) m).name()).containsExactly("李雷", "Lisa Chen");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea input = robot.lookup("#input").queryAs(TextArea.class);
        assertThat(input.getText()).isEqualTo("@李雷 ");
        assertThat(port.sentTexts).as("Enter picked, it did not send").isEmpty();
        assertThat(list.getScene().getWindow().isShowing()).isFalse();

        robot.write("明天见");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.sentTexts).containsExactly("@李雷 明天见");
        assertThat(port.sentMentions).containsExactly(List.of(LILEI));
    }

    @Test
    void escapeClosesThePopupAndEnterThenSends(FxRobot robot) {
        robot.clickOn("#input").write("@li");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#mention-list").queryAs(ListView.class);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(1);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getScene().getWindow().isShowing()).isFalse();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.sentTexts).containsExactly("@li");
        assertThat(port.sentMentions).containsExactly(List.of());
    }

    @Test
    void aMessageMentioningMeShowsTheBadge(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = robot.lookup(".mention-badge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("有人@我");
    }
}
