package im.magpie.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history viewer's window over the main window: after a jump it gives way to the chat that shows the message. */
@ExtendWith(ApplicationExtension.class)
class HistoryJumpTest {
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeHistoryPort port = new FakeHistoryPort();
    final List<String> opened = new CopyOnWriteArrayList<>();
    final AtomicReference<Stage> history = new AtomicReference<>();
    final AtomicReference<Stage> mainRef = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        mainRef.set(stage);
        port.people.add(new Choice(2, "李娜"));
        for (int i = 0; i < 3; i++) {
            port.hits.add(new HistoryHit(10, 40 - i, 2, NOW.toEpochMilli() - i * 60_000L, "季度报表 " + i));
        }
        port.terms = List.of("报表");
        SceneFixture.show(stage, new StackPane(new Label("main window")), 900, 700);
    }

    @Test
    void aJumpClosesTheViewerAndBringsTheMainWindowForward(FxRobot robot) {
        Stage main = java.util.Objects.requireNonNull(mainRef.get());
        Clock clock = Clock.fixed(NOW, ZoneOffset.ofHours(8));
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        HistoryViewModel vm = new HistoryViewModel(
                port,
                words,
                List.of(new Choice(10, "产品研发组")),
                clock.getZone(),
                (c, seq) -> opened.add(c + "#" + seq),
                Runnable::run);
        robot.interact(() -> {
            history.set(new HistoryView(vm, words.texts()).showIn(main));
            vm.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage viewer = java.util.Objects.requireNonNull(history.get());
        assertThat(viewer.isShowing()).isTrue();

        robot.clickOn("#history-text").write("报表");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Node firstRow = robot.lookup(".history-results .list-cell").nth(0).query();
        robot.doubleClickOn(firstRow, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).containsExactly("10#40");
        // Monocle keeps no window focus to check: what the user sees is that the window covering the chat is gone
        assertThat(viewer.isShowing()).as("the viewer gives way").isFalse();
        assertThat(main.isShowing() && !main.isIconified()).isTrue();
    }
}
