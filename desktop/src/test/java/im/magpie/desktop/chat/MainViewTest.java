package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.emoji.EmojiLine;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window headless (Monocle): list, opening a chat, sending with Enter, the reconnecting banner. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    static final long ME = MainViewFixture.ME;
    static final long LINA = MainViewFixture.LINA;

    final MainViewFixture main = new MainViewFixture();
    final FakeChatPort port = main.port;
    final List<String> actions = new ArrayList<>();

    @Start
    void start(Stage stage) {
        long t = main.now();
        List<Message> direct = new ArrayList<>();
        direct.add(FakeChatPort.text(1, 1, LINA, t - 5000, "评审材料放在 https://wiki.example.com/q3 ，有问题随时找我"));
        direct.add(new Message(1, 2, LINA, t - 4000, new Content.File("季度报告.pdf", 1_572_864), false, ""));
        direct.add(new Message(1, 3, LINA, t - 3000, new Content.Folder("评审资料", 3, 4096), false, ""));
        for (int seq = 4; seq <= 12; seq++) {
            direct.add(FakeChatPort.text(1, seq, seq % 2 == 0 ? ME : LINA, t - 3000 + seq, "消息 " + seq));
        }
        port.messages.put(1L, direct);
        port.conversations.add(new ConversationInfo(
                1, ConversationKind.DIRECT, "", List.of(ME, LINA), 0, direct.get(direct.size() - 1), 2));
        port.conversations.add(new ConversationInfo(2, ConversationKind.GROUP, "产品研发组", List.of(ME, LINA), 0, null, 0));
        MainView view = main.show(stage);
        view.onNewChat(() -> actions.add("new chat"));
    }

    @Test
    void opensAConversationShowsEveryMessageAndSendsWithEnter(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#conversations").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);

        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chat-title").queryAs(EmojiLine.class).getText())
                .isEqualTo("李娜");
        ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
        assertThat(messages.getItems()).hasSize(12);
        assertThat(port.readMarks).containsExactly(11L);
        MainViewFixture.snapshot(robot, "main-view-opened");
        robot.interact(messages::requestFocus);
        robot.type(KeyCode.HOME); // as a user goes to the top (a scroll of the program's own would be pulled back)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(MainViewFixture.labelled("季度报告.pdf")).tryQuery())
                .isPresent();
        assertThat(robot.lookup(MainViewFixture.labelled("1.5 MB")).tryQuery()).isPresent();

        robot.clickOn("#input").write("下午见");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.sentTexts).containsExactly("下午见");
        assertThat(messages.getItems()).hasSize(13);
        assertThat(robot.lookup(MainViewFixture.labelled("发送中…")).tryQuery()).isPresent();
        MainViewFixture.snapshot(robot, "main-view");
    }

    @Test
    void aNewGroupOpensWhenItsRowArrivesAlthoughAnotherChatIsOpen(FxRobot robot) {
        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();
        MainViewModel vm = java.util.Objects.requireNonNull(main.vm);

        // "create" answers with the new group's id before the sync brings its row
        robot.interact(() -> vm.selectedIdProperty().set(3));
        assertThat(robot.lookup("#chat-title").queryAs(EmojiLine.class).getText())
                .isEqualTo("李娜");
        robot.interact(() -> {
            port.conversations.add(
                    new ConversationInfo(3, ConversationKind.GROUP, "周末羽毛球", List.of(ME, LINA), 0, null, 0));
            port.listeners.forEach(l -> l.conversationsChanged(java.util.Set.of(3L)));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chat-title").queryAs(EmojiLine.class).getText())
                .isEqualTo("周末羽毛球");
        assertThat(MainViewFixture.list(robot)
                        .getSelectionModel()
                        .getSelectedItem()
                        .id())
                .isEqualTo(3);
    }

    @Test
    void showsTheBannerWhileReconnecting(FxRobot robot) {
        robot.clickOn("产品研发组");
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        robot.interact(() -> port.listeners.forEach(l -> l.connectionChanged(false)));
        assertThat(robot.lookup("#banner").query().isVisible()).isTrue();
        assertThat(robot.lookup(MainViewFixture.labelled("网络连接已断开，正在重新连接…")).tryQuery())
                .isPresent();
    }

    @Test
    void newChatOpensThePickerAndAnOpenedChatTakesTheKeyboard(FxRobot robot) {
        robot.clickOn("#add");
        robot.clickOn("发起聊天");
        assertThat(actions).containsExactly("new chat");

        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#input").query().isFocused())
                .as("the user can type at once")
                .isTrue();
        robot.write("好的");
        assertThat(robot.lookup("#input").queryTextInputControl().getText()).isEqualTo("好的");
    }
}
