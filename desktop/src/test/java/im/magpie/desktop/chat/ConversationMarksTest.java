package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The conversation list's context menu (pin, mute) and marks (pinned tint, bell-slash, unread dot), headless. */
@ExtendWith(ApplicationExtension.class)
class ConversationMarksTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @Start
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        long t = NOW.toEpochMilli();
        port.conversations.add(new ConversationInfo(
                1,
                ConversationKind.DIRECT,
                "",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(1, 3, LINA, t - 60_000, "下午三点开会"),
                3));
        port.conversations.add(new ConversationInfo(
                2,
                ConversationKind.GROUP,
                "产品研发组",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(2, 9, LINA, t - 86_400_000L, "周报已发"),
                0));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        MainViewModel vm = new MainViewModel(port, words, Runnable::run);
        MainView view = new MainView(vm, port, words, clock, Runnable::run, url -> {}, new FakeReceiveSettings());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view.root(), 1180, 760);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @Test
    void pinsFromTheContextMenuAndTintsThePinnedRow(FxRobot robot) {
        ListView<ConversationRow> list = list(robot);
        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(1L, 2L);

        openMenu(robot, "产品研发组");
        robot.clickOn("置顶");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(2L, 1L);
        assertThat(cell(robot, "产品研发组").getPseudoClassStates()).contains(PseudoClass.getPseudoClass("pinned"));
        assertThat(cell(robot, "李娜").getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("pinned"));

        openMenu(robot, "产品研发组");
        robot.clickOn("取消置顶");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(ConversationRow::id).containsExactly(1L, 2L);
        assertThat(cell(robot, "产品研发组").getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("pinned"));
    }

    @Test
    void mutedRowShowsABellSlashAndADotInsteadOfTheCount(FxRobot robot) throws Exception {
        assertThat(badge(robot, "李娜").getText()).isEqualTo("3");
        assertThat(mutedIcon(robot, "李娜").isVisible()).isFalse();

        openMenu(robot, "李娜");
        robot.clickOn("消息免打扰");
        WaitForAsyncUtils.waitForFxEvents();

        Label badge = badge(robot, "李娜");
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEmpty();
        assertThat(badge.getStyleClass()).contains("badge-dot");
        assertThat(mutedIcon(robot, "李娜").isVisible()).isTrue();
        assertThat(mutedIcon(robot, "产品研发组").isVisible()).isFalse();
        openMenu(robot, "产品研发组");
        robot.clickOn("置顶");
        WaitForAsyncUtils.waitForFxEvents();
        MainViewTest.snapshotOf(robot, list(robot).getScene().getRoot(), "conversation-marks");
        openMenu(robot, "产品研发组");
        robot.clickOn("取消置顶");

        openMenu(robot, "李娜");
        robot.clickOn("取消免打扰");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge(robot, "李娜").getText()).isEqualTo("3");
        assertThat(badge(robot, "李娜").getStyleClass()).doesNotContain("badge-dot");
        assertThat(mutedIcon(robot, "李娜").isVisible()).isFalse();
    }

    /** Monocle sends no context menu request on a right click: the test asks as the platform would. */
    static void openMenu(FxRobot robot, String name) {
        ListCell<?> cell = cell(robot, name);
        robot.interact(() -> {
            Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            double x = b.getMinX() + 40;
            double y = b.getMinY() + 20;
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40, 20, x, y, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static ListView<ConversationRow> list(FxRobot robot) {
        return robot.lookup("#conversations").queryAs(ListView.class);
    }

    static ListCell<?> cell(FxRobot robot, String name) {
        return robot.lookup("#conversations .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c
                        && c.getItem() instanceof ConversationRow r
                        && r.name().equals(name))
                .queryAs(ListCell.class);
    }

    static Label badge(FxRobot robot, String name) {
        return robot.from(cell(robot, name)).lookup(".badge").queryAs(Label.class);
    }

    static FontIcon mutedIcon(FxRobot robot, String name) {
        return robot.from(cell(robot, name)).lookup(".conv-muted").queryAs(FontIcon.class);
    }
}
