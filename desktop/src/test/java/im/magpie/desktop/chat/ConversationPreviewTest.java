package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.emoji.EmojiLine;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The conversation list's preview line draws emoji as the bundled colour images, and ends in "…" when too long; the
 * chat header's title draws the emoji of a conversation's name in colour too.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationPreviewTest {
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
                FakeChatPort.text(1, 3, LINA, t, "好的👍 明天见😀"),
                1));
        main.port.conversations.add(new ConversationInfo(
                2,
                ConversationKind.GROUP,
                "产品研发组",
                List.of(ME, LINA),
                0,
                FakeChatPort.text(2, 9, LINA, t - 1000, "这是一条很长很长的消息，".repeat(4) + "🎉"),
                0));
        main.port.conversations.add(
                new ConversationInfo(3, ConversationKind.GROUP, "周末羽毛球 🏸", List.of(ME, LINA), 0, null, 0));
        main.show(stage);
    }

    @Test
    void theChatHeaderDrawsTheEmojiOfTheNameInColour(FxRobot robot) {
        ListView<ConversationRow> list = MainViewFixture.list(robot);
        robot.interact(() -> list.getSelectionModel()
                .select(list.getItems().stream()
                        .filter(r -> r.id() == 3)
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        EmojiLine title = robot.lookup("#chat-title").queryAs(EmojiLine.class);
        assertThat(title.getText()).isEqualTo("周末羽毛球 🏸");
        assertThat(title.getChildrenUnmodifiable()).hasSize(2);
        assertThat(((Label) title.getChildrenUnmodifiable().get(0)).getText()).isEqualTo("周末羽毛球 ");
        assertThat(title.getChildrenUnmodifiable().get(1)).isInstanceOf(ImageView.class);
        ImageView badminton = (ImageView) title.getChildrenUnmodifiable().get(1);
        assertThat(badminton.getAccessibleText()).isEqualTo("🏸");
        assertThat(badminton.getImage().isError()).isFalse();
        assertThat(badminton.isVisible()).isTrue();
    }

    @Test
    void emojiInThePreviewAreColourImages(FxRobot robot) {
        EmojiLine line = preview(robot, "李娜");
        assertThat(line.getText()).isEqualTo("好的👍 明天见😀");
        assertThat(line.getChildrenUnmodifiable()).hasSize(4);
        assertThat(line.getChildrenUnmodifiable().get(1)).isInstanceOf(ImageView.class);
        assertThat(((ImageView) line.getChildrenUnmodifiable().get(1)).getAccessibleText())
                .isEqualTo("👍");
        assertThat(((Label) line.getChildrenUnmodifiable().get(2)).getText()).isEqualTo(" 明天见");
        assertThat(line.getChildrenUnmodifiable().get(3)).isInstanceOf(ImageView.class);
        assertThat(line.getChildrenUnmodifiable()).allMatch(Node::isVisible);
    }

    @Test
    void aLongPreviewIsCutWithAnEllipsisInsideTheRow(FxRobot robot) {
        EmojiLine line = preview(robot, "产品研发组");
        Label text = (Label) line.getChildrenUnmodifiable().get(0);
        assertThat(text.getWidth()).isLessThanOrEqualTo(line.getWidth());
        assertThat(text.getWidth()).isLessThan(text.prefWidth(-1));
        assertThat(line.getChildrenUnmodifiable()
                        .get(line.getChildrenUnmodifiable().size() - 1)
                        .isVisible())
                .as("the emoji after the cut")
                .isFalse();
    }

    static EmojiLine preview(FxRobot robot, String name) {
        return (EmojiLine) MainViewFixture.cell(robot, name).lookup(".conv-preview-line");
    }
}
