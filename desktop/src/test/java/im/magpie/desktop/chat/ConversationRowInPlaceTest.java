package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A conversation row whose value changes (a message arrives, a read mark, mute and pin) keeps its nodes and shows the
 * new preview, time, badge and marks, headless: new nodes are what JavaFX styles at a cost.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationRowInPlaceTest {
    static final long ME = MainViewFixture.ME;
    static final long LINA = MainViewFixture.LINA;
    static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");

    final MainViewFixture main = new MainViewFixture();

    @Start
    void start(Stage stage) {
        main.port.conversations.add(direct(3, main.now() - 3_600_000L, "下午三点开会", 2));
        main.port.conversations.add(new ConversationInfo(
                2,
                ConversationKind.GROUP,
                "产品研发组",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(2, 9, LINA, main.now() - 86_400_000L, "周报已发"),
                0));
        main.show(stage);
    }

    private static ConversationInfo direct(long seq, long timeMs, String text, int unread) {
        return new ConversationInfo(
                1,
                ConversationKind.DIRECT,
                "",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(1, seq, LINA, timeMs, text),
                unread);
    }

    @Test
    void aMessageArrivingUpdatesTheRowInPlace(FxRobot robot) {
        ListCell<?> cell = MainViewFixture.cell(robot, "李娜");
        Node avatar = robot.from(cell).lookup(".avatar").query();
        Label previewLabel = robot.from(cell).lookup(".conv-preview").queryAs(Label.class);
        Label time = robot.from(cell).lookup(".conv-time").queryAs(Label.class);
        Label badge = MainViewFixture.badge(robot, "李娜");
        assertThat(previewLabel.getText()).isEqualTo("下午三点开会");
        assertThat(time.getText()).isEqualTo("08:30");
        assertThat(badge.getText()).isEqualTo("2");

        arrive(robot, direct(4, main.now(), "好的，我准时到", 3));

        assertThat(MainViewFixture.cell(robot, "李娜")).isSameAs(cell);
        assertThat(robot.from(cell).lookup(".avatar").<Node>query())
                .as("the avatar is not built again")
                .isSameAs(avatar);
        assertThat(robot.from(cell).lookup(".conv-preview").queryAs(Label.class))
                .as("the preview's label is kept")
                .isSameAs(previewLabel);
        assertThat(previewLabel.getText()).isEqualTo("好的，我准时到");
        assertThat(time.getText()).isEqualTo("09:30");
        assertThat(MainViewFixture.badge(robot, "李娜")).isSameAs(badge);
        assertThat(badge.getText()).isEqualTo("3");
        assertThat(badge.isVisible()).isTrue();

        arrive(robot, direct(4, main.now(), "好的，我准时到", 120));
        assertThat(badge.getText()).isEqualTo("99+");

        arrive(robot, direct(4, main.now(), "好的，我准时到", 0)); // read on another device
        assertThat(badge.isVisible()).isFalse();
        assertThat(badge.isManaged()).isFalse();
        assertThat(robot.from(cell).lookup(".avatar").<Node>query()).isSameAs(avatar);
    }

    @Test
    void mutedAndPinnedMarksAppearAndGoOnTheSameRow(FxRobot robot) {
        ListCell<?> cell = MainViewFixture.cell(robot, "李娜");
        Node avatar = robot.from(cell).lookup(".avatar").query();
        Label badge = MainViewFixture.badge(robot, "李娜");

        robot.interact(() -> main.port.setMuted(1, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(MainViewFixture.cell(robot, "李娜")).isSameAs(cell);
        assertThat(MainViewFixture.mutedIcon(robot, "李娜").isVisible()).isTrue();
        assertThat(badge.getText()).isEmpty();
        assertThat(badge.getStyleClass()).containsOnlyOnce("badge-dot");
        assertThat(badge.isVisible()).isTrue();

        robot.interact(() -> main.port.setPinned(1, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getPseudoClassStates()).contains(PINNED);
        assertThat(badge.getStyleClass()).containsOnlyOnce("badge-dot");

        robot.interact(() -> main.port.setMuted(1, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(MainViewFixture.mutedIcon(robot, "李娜").isVisible()).isFalse();
        assertThat(badge.getStyleClass()).doesNotContain("badge-dot");
        assertThat(badge.getText()).isEqualTo("2");

        robot.interact(() -> main.port.setPinned(1, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getPseudoClassStates()).doesNotContain(PINNED);
        assertThat(MainViewFixture.cell(robot, "李娜")).isSameAs(cell);
        assertThat(robot.from(cell).lookup(".avatar").<Node>query()).isSameAs(avatar);
    }

    private void arrive(FxRobot robot, ConversationInfo now) {
        robot.interact(() -> {
            main.port.conversations.set(0, now);
            main.port.listeners.forEach(l -> l.entriesChanged(Set.of(1L)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
