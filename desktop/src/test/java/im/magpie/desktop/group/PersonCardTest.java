package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.emoji.EmojiFlow;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hover card headless (Monocle): a member's card beside its anchor, the signature's emoji in colour. */
@ExtendWith(ApplicationExtension.class)
class PersonCardTest {
    final FakeGroupPort port = new FakeGroupPort(1);
    final List<Long> opened = new ArrayList<>();
    /** Made in {@link #start}: a control made before the toolkit runs breaks every later test in this JVM. */
    @org.jspecify.annotations.Nullable
    Label shownAnchor;

    @org.jspecify.annotations.Nullable
    PersonCard shown;

    Label anchor() {
        return java.util.Objects.requireNonNull(shownAnchor);
    }

    PersonCard card() {
        return java.util.Objects.requireNonNull(shown);
    }

    @Start
    void start(Stage stage) {
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        shown = new PersonCard(new PersonCardViewModel(port, texts, Runnable::run, opened::add), texts);
        port.people.add(new Contact(4, "chenjie", "陈杰", "专注交付，周五之前别找我 💪"));
        port.people.add(new Contact(3, "wangfang", "王芳", "设计评审每周三下午"));
        shownAnchor = new Label("陈杰");
        SceneFixture.show(stage, new StackPane(shownAnchor), 600, 400);
    }

    @Test
    void theCardDrawsTheSignaturesEmojiAsAnImageAndFollowsThePersonShown(FxRobot robot) {
        robot.interact(() -> card().showNow(anchor(), 4));
        WaitForAsyncUtils.waitForFxEvents();

        EmojiFlow signature =
                robot.from(card().content()).lookup("#card-signature").queryAs(EmojiFlow.class);
        assertThat(signature.getChildren()).hasSize(2);
        assertThat(((Text) signature.getChildren().get(0)).getText()).isEqualTo("专注交付，周五之前别找我 ");
        assertThat(signature.getChildren().get(1)).isInstanceOf(ImageView.class);
        assertThat(card().content().getScene().getWindow().isShowing()).isTrue();

        robot.interact(() -> card().showNow(anchor(), 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signature.getText()).isEqualTo("设计评审每周三下午");
        assertThat(signature.getChildren()).hasSize(1);

        robot.clickOn("#card-message");
        assertThat(opened).hasSize(1);
        robot.interact(card()::hide);
    }

    @Test
    void aFlatCardFillsItsWindowWhereTheScreenDrawsNoTransparentWindows(FxRobot robot) {
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        PersonCard flat = new PersonCard(
                new PersonCardViewModel(port, texts, Runnable::run, opened::add), texts, PopupFrame.FLAT);
        robot.interact(() -> flat.showNow(anchor(), 4));
        WaitForAsyncUtils.waitForFxEvents();

        Node content = flat.content();
        Window window = content.getScene().getWindow();
        assertThat(window.isShowing()).isTrue();
        assertThat(content.getEffect()).as("no shadow").isNull();
        assertThat(window.getWidth()).isEqualTo(content.getLayoutBounds().getWidth());
        assertThat(window.getHeight()).isEqualTo(content.getLayoutBounds().getHeight());
        robot.interact(flat::hide);

        PersonCard shadowed = new PersonCard(
                new PersonCardViewModel(port, texts, Runnable::run, opened::add), texts, PopupFrame.SHADOWED);
        robot.interact(() -> shadowed.showNow(anchor(), 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shadowed.content().getEffect()).as("a shadow").isNotNull();
        assertThat(shadowed.content().getScene().getWindow().getWidth())
                .as("room for the shadow")
                .isGreaterThan(shadowed.content().getLayoutBounds().getWidth() + 4);
        robot.interact(shadowed::hide);
    }
}
