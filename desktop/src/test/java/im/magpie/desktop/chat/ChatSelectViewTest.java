package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.NodeClicks;
import im.magpie.desktop.SceneFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "多选" from a message's context menu in the main window headless (Monocle): tick boxes on the rows, the bar with the
 * count, "逐条转发" through the forward picker, and leaving selection mode.
 */
@ExtendWith(ApplicationExtension.class)
class ChatSelectViewTest {
    static final long ME = MainViewFixture.ME;
    static final long LINA = MainViewFixture.LINA;
    static final long DIRECT = 1;
    static final long TEAM = 2;

    final MainViewFixture main = new MainViewFixture();
    final FakeChatPort port = main.port;

    @Start
    void start(Stage stage) {
        long t = main.now();
        List<Message> direct = new ArrayList<>();
        direct.add(FakeChatPort.text(DIRECT, 1, LINA, t - 5000, "评审材料放在 https://wiki.example.com/q3"));
        direct.add(new Message(DIRECT, 2, LINA, t - 4000, new Content.File("季度报告.pdf", 1_572_864), false, ""));
        direct.add(new Message(DIRECT, 3, LINA, t - 3500, new Content.Text("发错了"), true, ""));
        direct.add(FakeChatPort.text(DIRECT, 4, ME, t - 3000, "收到，我转给大家"));
        port.messages.put(DIRECT, direct);
        port.conversations.add(
                new ConversationInfo(DIRECT, ConversationKind.DIRECT, "", List.of(ME, LINA), 4, direct.get(3), 0));
        port.conversations.add(
                new ConversationInfo(TEAM, ConversationKind.GROUP, "产品研发组", List.of(ME, LINA), 0, null, 0));
        main.show(stage);
    }

    /** Opens the direct chat and "多选" on message {@code seq}. */
    void select(FxRobot robot, long seq) {
        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();
        SceneFixture.openMenu(robot, cell(robot, seq));
        robot.clickOn("多选");
        WaitForAsyncUtils.waitForFxEvents();
    }

    static ListCell<?> cell(FxRobot robot, long seq) {
        return robot.lookup("#messages .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c && c.getItem() instanceof MessageItem m && m.seq() == seq)
                .queryAs(ListCell.class);
    }

    /** The tick box of row {@code seq} on screen (not the one of the list's hidden measuring cell). */
    static CheckBox tick(FxRobot robot, long seq) {
        return robot.lookup("#select-" + seq).match(ChatSelectViewTest::shown).queryAs(CheckBox.class);
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static boolean ticked(FxRobot robot, long seq) {
        return tick(robot, seq).isSelected();
    }

    /** A click on row {@code seq} beside its tick box (the box itself lets clicks through to its row). */
    static void click(FxRobot robot, long seq) {
        robot.interact(
                () -> NodeClicks.click(Objects.requireNonNull(tick(robot, seq).getParent())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void selectTicksTheRowsAndForwardsThemOneByOneInChatOrder(FxRobot robot) throws Exception {
        select(robot, 4);

        assertThat(robot.lookup("#selection-bar").tryQuery()).isPresent();
        assertThat(robot.lookup("#input").tryQuery())
                .as("the bar stands in for the composer")
                .isEmpty();
        assertThat(ticked(robot, 4)).isTrue();
        assertThat(ticked(robot, 1)).isFalse();
        assertThat(robot.lookup("#select-3").match(ChatSelectViewTest::shown).tryQuery())
                .as("a recalled message has no tick box")
                .isEmpty();
        assertThat(robot.lookup("#select-count").queryAs(Label.class).getText()).isEqualTo("已选择 1 条消息");

        click(robot, 1);
        click(robot, 2);
        assertThat(ticked(robot, 1)).isTrue();
        assertThat(robot.lookup("#select-count").queryAs(Label.class).getText()).isEqualTo("已选择 3 条消息");
        MainViewFixture.snapshotOf(
                robot, robot.lookup("#selection-bar").query().getScene().getRoot(), "chat-select");

        robot.clickOn("#select-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#forward-count").queryAs(Label.class).getText())
                .isEqualTo("逐条转发 3 条消息");
        robot.clickOn("#forward-" + TEAM);
        MainViewFixture.snapshotOf(robot, robot.lookup(".forward-dialog").query(), "forward-one-by-one");
        robot.clickOn("#forward-send");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.forwards)
                .containsExactly(
                        new FakeChatPort.Forward(DIRECT, 1, TEAM),
                        new FakeChatPort.Forward(DIRECT, 2, TEAM),
                        new FakeChatPort.Forward(DIRECT, 4, TEAM));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#forward-targets").tryQuery().isEmpty());
        assertThat(robot.lookup("#selection-bar").tryQuery())
                .as("the forward ends selection mode")
                .isEmpty();
        assertThat(robot.lookup("#input").tryQuery()).isPresent();
        assertThat(robot.lookup("#select-1").match(ChatSelectViewTest::shown).tryQuery())
                .isEmpty();
    }

    @Test
    void cancelAndEscLeaveSelectionModeWithoutForwarding(FxRobot robot) {
        select(robot, 1);
        robot.clickOn("#select-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#selection-bar").tryQuery()).isEmpty();
        assertThat(robot.lookup("#select-1").match(ChatSelectViewTest::shown).tryQuery())
                .isEmpty();

        SceneFixture.openMenu(robot, cell(robot, 2));
        robot.clickOn("多选");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ticked(robot, 2)).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#selection-bar").tryQuery()).isEmpty();
        assertThat(robot.lookup("#input").tryQuery()).isPresent();
        assertThat(port.forwards).isEmpty();
    }
}
