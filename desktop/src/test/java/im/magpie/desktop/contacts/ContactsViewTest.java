package im.magpie.desktop.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiFlow;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The contacts section headless: list, search, contact card with presence and signature, "message". */
@ExtendWith(ApplicationExtension.class)
class ContactsViewTest {
    final FakeContactsPort port = new FakeContactsPort(1);
    final List<Long> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        port.people.addAll(List.of(
                new Contact(1, "zhangwei", "张伟", ""),
                new Contact(2, "lina", "李娜", "出差中，有事请留言"),
                new Contact(3, "wangfang", "王芳", ""),
                new Contact(4, "chenjie", "陈杰", "专注交付 💪")));
        port.presence.put(2L, Presence.ONLINE);
        port.frequent.add(new Contact(3, "wangfang", "王芳", ""));
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        ContactsViewModel vm = new ContactsViewModel(port, texts, Runnable::run, opened::add);
        ContactsView view = new ContactsView(vm, texts);
        SceneFixture.show(stage, view.root(), 1112, 760);
        vm.start();
    }

    @Test
    void showsEveryoneSearchesAndOpensAChatFromTheCard(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#contacts").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(4);
        assertThat(robot.lookup("#contacts-total").queryAs(Label.class).getText())
                .isEqualTo("4");

        robot.clickOn("李娜");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("李娜");
        assertThat(robot.lookup("#card-presence").queryAs(Label.class).getText())
                .isEqualTo("在线");
        assertThat(robot.lookup("#card-signature").queryAs(EmojiFlow.class).getText())
                .isEqualTo("出差中，有事请留言");
        assertThat(robot.lookup("#card-account").queryAs(Label.class).getText()).isEqualTo("lina");
        snapshot(robot);

        robot.clickOn("#card-message");
        assertThat(opened).containsExactly(102L);

        robot.clickOn("#contact-search").write("wang");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(1);
        robot.clickOn("王芳");
        assertThat(robot.lookup("#card-signature").queryAs(EmojiFlow.class).getText())
                .isEqualTo("暂无签名");
    }

    @Test
    void signaturesDrawTheirEmojiInColourInTheListAndOnTheCard(FxRobot robot) {
        robot.clickOn("陈杰");
        WaitForAsyncUtils.waitForFxEvents();

        EmojiFlow signature = robot.lookup("#card-signature").queryAs(EmojiFlow.class);
        assertThat(signature.getChildren()).hasSize(2);
        assertThat(((Text) signature.getChildren().get(0)).getText()).isEqualTo("专注交付 ");
        assertThat(signature.getChildren().get(1)).isInstanceOf(ImageView.class);
        assertThat(signature.getChildren().get(1).getAccessibleText()).isEqualTo("💪");
        ListCell<?> row = robot.lookup("#contacts .list-cell")
                .match((javafx.scene.Node n) ->
                        n instanceof ListCell<?> c && c.getItem() instanceof Contact p && p.userId() == 4)
                .queryAs(ListCell.class);
        assertThat(robot.from(row).lookup(".emoji").queryAs(ImageView.class).isVisible())
                .isTrue();
    }

    @Test
    void frequentContactsListTheMostUsedPeople(FxRobot robot) {
        ListView<?> list = robot.lookup("#contacts").queryAs(ListView.class);

        robot.clickOn("常用联系人");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getItems()).hasSize(1);
        assertThat(list.getItems().get(0)).isEqualTo(new Contact(3, "wangfang", "王芳", ""));
        assertThat(robot.lookup("#frequent-contacts").query().getStyleClass()).contains("active");
        assertThat(robot.lookup("#all-colleagues").query().getStyleClass()).doesNotContain("active");

        robot.clickOn("全部同事");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(4);
        assertThat(robot.lookup("#all-colleagues").query().getStyleClass()).contains("active");
    }

    static void snapshot(FxRobot robot) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(
                                robot.targetWindow().getScene().snapshot(null), null),
                        "png",
                        dir.resolve("contacts-view.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
