package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiPicker;
import im.magpie.desktop.emoji.EmojiPickerViewModel;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chat's popups on a screen without transparent windows (no compositor): the card fills its window, with no
 * shadow margin that would be drawn as an opaque grey box; with a compositor they keep their shadow (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class PopupFramesTest {
    static final List<Member> MEMBERS =
            List.of(new Member(2, "李娜", "lina"), new Member(3, "王芳", "wangfang"), new Member(4, "陈杰", "chenjie"));

    final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    /** Made in {@link #start}: a control made before the toolkit runs breaks every later test in this JVM. */
    @Nullable
    Button emojiButton;

    @Nullable
    TextArea input;

    @Nullable
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        emojiButton = new Button("☺");
        input = new TextArea();
        VBox root = new VBox(8, new Region(), emojiButton, input);
        root.setStyle("-fx-padding: 300 20 20 20;");
        SceneFixture.show(stage, root, 800, 600);
    }

    @Test
    void theEmojiPickerFillsItsWindowWhenFlatAndKeepsItsShadowOtherwise(FxRobot robot) {
        assertFrame(
                robot,
                PopupFrame.FLAT,
                () -> emojiPicker(PopupFrame.FLAT).toggle(Objects.requireNonNull(emojiButton)),
                "#emoji-picker");
        assertFrame(
                robot,
                PopupFrame.SHADOWED,
                () -> emojiPicker(PopupFrame.SHADOWED).toggle(Objects.requireNonNull(emojiButton)),
                "#emoji-picker");
    }

    @Test
    void theMentionListFillsItsWindowWhenFlatAndKeepsItsShadowOtherwise(FxRobot robot) {
        assertFrame(robot, PopupFrame.FLAT, () -> mentionPopup(PopupFrame.FLAT), "#mention-list");
        assertFrame(robot, PopupFrame.SHADOWED, () -> mentionPopup(PopupFrame.SHADOWED), "#mention-list");
    }

    @Test
    void theReadByPopoverFillsItsWindowWhenFlatAndKeepsItsShadowOtherwise(FxRobot robot) {
        assertFrame(robot, PopupFrame.FLAT, () -> readBy(PopupFrame.FLAT), "#read-by");
        assertFrame(robot, PopupFrame.SHADOWED, () -> readBy(PopupFrame.SHADOWED), "#read-by");
    }

    private EmojiPicker emojiPicker(PopupFrame frame) {
        EmojiPickerViewModel vm = new EmojiPickerViewModel(EmojiCatalog.bundled(), new EmojiRecents(), text -> {});
        return new EmojiPicker(vm, new EmojiImages(), texts, frame);
    }

    private void mentionPopup(PopupFrame frame) {
        MentionPicker picker = new MentionPicker(1, "所有人", "提醒全部成员");
        picker.setMembers(MEMBERS, MemberSearch.plain(MEMBERS), false);
        MentionPopup popup = new MentionPopup(picker, i -> {}, frame);
        picker.edited("@", 1);
        popup.follow(Objects.requireNonNull(input));
    }

    private void readBy(PopupFrame frame) {
        Stage s = Objects.requireNonNull(stage);
        ReadByViewModel vm = new ReadByViewModel(9, 1, Map.of(2L, 9L, 3L, 1L, 4L, 1L), Runnable::run);
        vm.load(CompletableFuture.completedFuture(MEMBERS));
        ReadByPopup.show(vm, s, s.getX() + 400, s.getY() + 100, texts, frame);
    }

    /** Opens a popup, compares its window with its card (the node {@code card}), and closes it. */
    private static void assertFrame(FxRobot robot, PopupFrame frame, Runnable open, String card) {
        robot.interact(open);
        WaitForAsyncUtils.waitForFxEvents();
        PopupWindow window = Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(PopupWindow.class::cast)
                .filter(w -> w.getScene().getRoot().lookup(card) != null)
                .findFirst()
                .orElseThrow();
        Node content = Objects.requireNonNull(window.getScene().getRoot().lookup(card));
        double width = content.getLayoutBounds().getWidth();
        double height = content.getLayoutBounds().getHeight();
        if (frame == PopupFrame.FLAT) {
            assertThat(content.getEffect()).as("no shadow").isNull();
            assertThat(window.getWidth()).as("the window is the card's width").isEqualTo(width);
            assertThat(window.getHeight()).as("the window is the card's height").isEqualTo(height);
        } else {
            assertThat(content.getEffect()).as("a shadow").isNotNull();
            assertThat(window.getWidth()).as("room for the shadow").isGreaterThan(width + 4);
        }
        robot.interact(window::hide);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
