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
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The {@literal @}mention list of a group composer opens on a lone "@", headless (Monocle): typed, put in by a program
 * (the screenshot command), and typed before the group's members were read (they come from the store off the FX
 * thread, as in the app).
 */
@ExtendWith(ApplicationExtension.class)
class ChatMentionPopupTest {
    static final long ME = 1;
    static final long CONV = 31;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final CompletableFuture<Void> membersRead = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        port.members.addAll(List.of(
                new Member(ME, "张伟", "zhangwei"),
                new Member(2, "李娜", "lina"),
                new Member(3, "王芳", "wangfang"),
                new Member(4, "陈杰", "chenjie")));
        port.messages.put(CONV, List.of(FakeChatPort.text(CONV, 1, 2, NOW.toEpochMilli(), "大家好")));
        port.membersLater = membersRead;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "产品研发组", "产", "", "", 0, 0, 1, 1, 4);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Platform::runLater, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        SceneFixture.show(stage, view.root(), 820, 600);
        vm.start();
    }

    @Test
    void aLoneAtListsEveryOtherMember(FxRobot robot) {
        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#input").write("@");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    @Test
    void anAtPutInByTheScreenshotCommandOpensTheList(FxRobot robot) {
        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            TextArea input = robot.lookup("#input").queryAs(TextArea.class);
            input.requestFocus();
            input.setText("@");
            input.positionCaret(1);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    @Test
    void anAtTypedBeforeTheMembersWereReadOpensTheListWhenTheyAre(FxRobot robot) {
        robot.clickOn("#input").write("@");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mention-list").tryQuery()).isEmpty();

        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    /** The names the shown @mention list offers; fails when no list is shown. */
    private static List<String> names(FxRobot robot) {
        ListView<?> list = robot.lookup("#mention-list").queryAs(ListView.class);
        assertThat(list.getScene().getWindow().isShowing())
                .as("the @mention list is shown")
                .isTrue();
        return list.getItems().stream().map(m -> ((Member) m).name()).toList();
    }
}
