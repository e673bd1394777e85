package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.emoji.EmojiLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's hooks of the history viewer: Ctrl+F and jumping to a message. */
@ExtendWith(ApplicationExtension.class)
class MainViewHistoryTest {
    static final long ME = MainViewFixture.ME;
    static final long LINA = MainViewFixture.LINA;

    final MainViewFixture main = new MainViewFixture();
    final FakeChatPort port = main.port;
    final List<Long> historyOpenedFor = new CopyOnWriteArrayList<>();

    @org.jspecify.annotations.Nullable
    MainView view;

    @Start
    void start(Stage stage) {
        List<Message> direct = new ArrayList<>();
        for (int seq = 1; seq <= 200; seq++) {
            direct.add(FakeChatPort.text(1, seq, seq % 2 == 0 ? ME : LINA, main.now() - 1000 + seq, "消息 " + seq));
        }
        port.messages.put(1L, direct);
        port.conversations.add(new ConversationInfo(
                1, ConversationKind.DIRECT, "", List.of(ME, LINA), 0, direct.get(direct.size() - 1), 0));
        port.conversations.add(new ConversationInfo(2, ConversationKind.GROUP, "产品研发组", List.of(ME, LINA), 0, null, 0));
        MainView v = main.show(stage);
        view = v;
        v.onHistory(historyOpenedFor::add);
    }

    @Test
    void ctrlFOpensTheHistoryOfTheOpenChatOrOfEverything(FxRobot robot) {
        robot.clickOn("#conversations");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(historyOpenedFor).containsExactly(0L);
        robot.clickOn("产品研发组");
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(historyOpenedFor).containsExactly(0L, 2L);
    }

    @Test
    void showMessageOpensTheChatScrolledToAnOldMessage(FxRobot robot) {
        MainView v = java.util.Objects.requireNonNull(view);
        robot.interact(() -> v.showMessage(1, 30));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chat-title").queryAs(EmojiLine.class).getText())
                .isEqualTo("李娜");
        ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
        Object selected = messages.getSelectionModel().getSelectedItem();
        assertThat(selected).isInstanceOf(MessageItem.class);
        assertThat(((MessageItem) selected).seq()).isEqualTo(30);
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c
                                && c.getItem() instanceof MessageItem m
                                && m.seq() == 30
                                && c.isVisible())
                        .tryQuery())
                .isPresent();
    }
}
