package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The conversation list's context menu (pin, mute) and marks (pinned tint, bell-slash, unread dot), headless. */
@ExtendWith(ApplicationExtension.class)
class ConversationMarksTest {
    static final long ME = MainViewFixture.ME;
    static final long LINA = MainViewFixture.LINA;

    final MainViewFixture main = new MainViewFixture();

    @Start
    void start(Stage stage) {
        long t = main.now();
        main.port.conversations.add(new ConversationInfo(
                1,
                ConversationKind.DIRECT,
                "",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(1, 3, LINA, t - 60_000, "下午三点开会"),
                3));
        main.port.conversations.add(new ConversationInfo(
                2,
                ConversationKind.GROUP,
                "产品研发组",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(2, 9, LINA, t - 86_400_000L, "周报已发"),
                0));
        main.show(stage);
    }

    @Test
    void pinsFromTheContextMenuAndTintsThePinnedRow(FxRobot robot) {
        ListView<ConversationRow> list = MainViewFixture.list(robot);
        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(1L, 2L);

        MainViewFixture.openMenu(robot, "产品研发组");
        robot.clickOn("置顶");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(2L, 1L);
        assertThat(MainViewFixture.cell(robot, "产品研发组").getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("pinned"));
        assertThat(MainViewFixture.cell(robot, "李娜").getPseudoClassStates())
                .doesNotContain(PseudoClass.getPseudoClass("pinned"));

        MainViewFixture.openMenu(robot, "产品研发组");
        robot.clickOn("取消置顶");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(1L, 2L);
        assertThat(MainViewFixture.cell(robot, "产品研发组").getPseudoClassStates())
                .doesNotContain(PseudoClass.getPseudoClass("pinned"));
    }

    @Test
    void mutedRowShowsABellSlashAndADotInsteadOfTheCount(FxRobot robot) throws Exception {
        assertThat(MainViewFixture.badge(robot, "李娜").getText()).isEqualTo("3");
        assertThat(MainViewFixture.mutedIcon(robot, "李娜").isVisible()).isFalse();

        MainViewFixture.openMenu(robot, "李娜");
        robot.clickOn("消息免打扰");
        WaitForAsyncUtils.waitForFxEvents();

        Label badge = MainViewFixture.badge(robot, "李娜");
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEmpty();
        assertThat(badge.getStyleClass()).contains("badge-dot");
        assertThat(MainViewFixture.mutedIcon(robot, "李娜").isVisible()).isTrue();
        assertThat(MainViewFixture.mutedIcon(robot, "产品研发组").isVisible()).isFalse();
        MainViewFixture.openMenu(robot, "产品研发组");
        robot.clickOn("置顶");
        WaitForAsyncUtils.waitForFxEvents();
        MainViewFixture.snapshotOf(robot, MainViewFixture.list(robot).getScene().getRoot(), "conversation-marks");
        MainViewFixture.openMenu(robot, "产品研发组");
        robot.clickOn("取消置顶");

        MainViewFixture.openMenu(robot, "李娜");
        robot.clickOn("取消免打扰");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(MainViewFixture.badge(robot, "李娜").getText()).isEqualTo("3");
        assertThat(MainViewFixture.badge(robot, "李娜").getStyleClass()).doesNotContain("badge-dot");
        assertThat(MainViewFixture.mutedIcon(robot, "李娜").isVisible()).isFalse();
    }
}
