package im.magpie.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history viewer headless (Monocle): search with Enter, highlighted matches, more results, jump. */
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeHistoryPort port = new FakeHistoryPort();
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        port.people.add(new Choice(2, "李娜"));
        port.people.add(new Choice(3, "王芳"));
        String[] texts = {"明天下午三点开会，讨论季度报表", "会议纪要已经上传到共享盘", "周五的评审会改到周四", "Q3 review 会议材料：季度报表_v2.xlsx", "好的，我准时参加👍"};
        for (int i = 0; i < 60; i++) {
            port.hits.add(new HistoryHit(
                    10 + i % 2, 400 - i, 2 + i % 2, NOW.toEpochMilli() - i * 3_600_000L, texts[i % texts.length]));
        }
        port.terms = List.of("会");
        Clock clock = Clock.fixed(NOW, ZoneOffset.ofHours(8));
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        HistoryViewModel vm = new HistoryViewModel(
                port,
                words,
                List.of(new Choice(10, "产品研发组"), new Choice(11, "李娜")),
                clock.getZone(),
                (c, seq) -> opened.add(c + "#" + seq),
                Runnable::run);
        HistoryView view = new HistoryView(vm, words.texts());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view.root(), HistoryView.WIDTH, HistoryView.HEIGHT);
        scene.getStylesheets()
                .addAll(
                        Objects.requireNonNull(HistoryViewTest.class.getResource("/im/magpie/desktop/desktop.css"))
                                .toExternalForm(),
                        HistoryView.stylesheet());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @Test
    void searchesShowsHighlightedMatchesPagesAndJumps(FxRobot robot) throws Exception {
        assertThat(robot.lookup(labelled("按关键词、会话、发送人或日期搜索本机的全部聊天记录")).tryQuery())
                .isPresent();
        robot.clickOn("#history-search");
        assertThat(text(robot, "#history-status")).isEqualTo("请输入关键词，或选择会话、发送人或日期");
        assertThat(port.queries).isEmpty();

        robot.clickOn("#history-text").write("会");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> results = robot.lookup("#history-results").queryAs(ListView.class);
        assertThat(results.getItems()).hasSize(HistoryViewModel.PAGE);
        assertThat(text(robot, "#history-status")).isEqualTo("前 50 条消息");
        List<String> matches = robot.lookup(".history-match").queryAllAs(Text.class).stream()
                .filter(Node::isVisible)
                .map(Text::getText)
                .toList();
        assertThat(matches).isNotEmpty().allMatch("会"::equals);
        assertThat(robot.lookup(labelled("产品研发组")).tryQuery()).isPresent();
        // emoji are the chat's colour images, not text in a monochrome fallback font
        assertThat(robot.lookup(".history-text .emoji").queryAll().stream()
                        .map(Node::getAccessibleText)
                        .toList())
                .isNotEmpty()
                .allMatch("👍"::equals);
        assertThat(robot.lookup(".history-text Text").queryAllAs(Text.class))
                .noneMatch(t -> t.getText().contains("👍"));

        robot.clickOn("#history-more");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(results.getItems()).hasSize(60);
        assertThat(robot.lookup("#history-more").query().isVisible()).isFalse();
        assertThat(text(robot, "#history-status")).isEqualTo("共 60 条消息");

        robot.interact(() -> results.scrollTo(0));
        Node firstRow = robot.lookup(".history-results .list-cell").nth(0).query();
        robot.doubleClickOn(firstRow, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("10#400");
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static java.util.function.Predicate<Node> labelled(String text) {
        return n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible();
    }
}
