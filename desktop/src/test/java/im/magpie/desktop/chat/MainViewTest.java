package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window headless (Monocle): list, opening a chat, sending with Enter, the reconnecting banner. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @Start
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        long t = NOW.toEpochMilli();
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
    void opensAConversationShowsEveryMessageAndSendsWithEnter(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#conversations").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);

        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chat-title").queryAs(Label.class).getText()).isEqualTo("李娜");
        ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
        assertThat(messages.getItems()).hasSize(12);
        assertThat(port.readMarks).containsExactly(11L);
        snapshot(robot, "main-view-opened");
        robot.interact(() -> messages.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(labelled("季度报告.pdf")).tryQuery()).isPresent();
        assertThat(robot.lookup(labelled("1.5 MB")).tryQuery()).isPresent();

        robot.clickOn("#input").write("下午见");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.sentTexts).containsExactly("下午见");
        assertThat(messages.getItems()).hasSize(13);
        assertThat(robot.lookup(labelled("发送中…")).tryQuery()).isPresent();
        snapshot(robot, "main-view");
    }

    @Test
    void showsTheBannerWhileReconnecting(FxRobot robot) {
        robot.clickOn("产品研发组");
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        robot.interact(() -> port.listeners.forEach(l -> l.connectionChanged(false)));
        assertThat(robot.lookup("#banner").query().isVisible()).isTrue();
        assertThat(robot.lookup(labelled("网络连接已断开，正在重新连接…")).tryQuery()).isPresent();
    }

    static java.util.function.Predicate<javafx.scene.Node> labelled(String text) {
        return n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible();
    }

    /** Writes a PNG of one node (a popup, a dialog) to target/ui-snapshots/ for a human to look at. */
    static void snapshotOf(FxRobot robot, javafx.scene.Node node, String name) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(node.snapshot(null, null), null),
                        "png",
                        dir.resolve(name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(
                                robot.targetWindow().getScene().snapshot(null), null),
                        "png",
                        dir.resolve(name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void newChatDialogOpensTheConversationWithThatAccount(FxRobot robot) {
        port.accounts.put("lina", port.conversations.get(0));
        robot.clickOn("#add");
        robot.clickOn("发起聊天");
        robot.clickOn("#new-chat-account").write("lina");
        robot.clickOn("开始聊天");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chat-title").queryAs(Label.class).getText()).isEqualTo("李娜");
    }
}
