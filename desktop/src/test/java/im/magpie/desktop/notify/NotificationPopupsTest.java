package im.magpie.desktop.notify;

import static im.magpie.desktop.notify.FakeNotifyPort.direct;
import static im.magpie.desktop.notify.FakeNotifyPort.group;
import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.popup.PopupFrame;
import im.magpie.desktop.settings.Preferences;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two stacked notification pop-ups on a screen without transparent windows (no compositor): one frame that fills its
 * window, with no transparent padding or gap that would be drawn as an opaque box; with a compositor the cards keep
 * their shadow and the transparent room between them (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class NotificationPopupsTest {
    static final long ME = 1;

    @TempDir
    Path dir;

    final FakeNotifyPort port = new FakeNotifyPort(ME);

    @Nullable
    Stage stage;

    @Nullable
    NotificationsViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SceneFixture.show(stage, new VBox(), 400, 300);
    }

    @Test
    void flatPopUpsAreOneBorderedFrameThatFillsItsWindow(FxRobot robot) {
        VBox stack = popTwo(robot, PopupFrame.FLAT);
        Window window = stack.getScene().getWindow();
        List<Region> cards = cards(stack);
        Bounds frame = stack.getLayoutBounds();

        assertThat(window.getWidth()).as("the window is the frame's width").isEqualTo(frame.getWidth());
        assertThat(window.getHeight()).as("the window is the frame's height").isEqualTo(frame.getHeight());
        assertThat(stack.getEffect()).isNull();
        assertThat(stack.getBackground()).as("an opaque frame").isNotNull();
        assertThat(stack.getBackground().getFills()).isNotEmpty().allSatisfy(f -> {
            assertThat(((Color) f.getFill()).getOpacity()).isEqualTo(1.0);
            assertThat(f.getRadii().getTopLeftHorizontalRadius()).isZero();
        });
        for (Region card : cards) {
            assertThat(card.getEffect()).as("no shadow").isNull();
            assertThat(card.getBackground().getFills())
                    .extracting(BackgroundFill::getRadii)
                    .allSatisfy(r -> assertThat(r.getTopLeftHorizontalRadius())
                            .as("square")
                            .isZero());
            Bounds b = box(card);
            assertThat(b.getMinX()).as("1 px frame on the left").isEqualTo(1);
            assertThat(b.getMaxX()).as("1 px frame on the right").isEqualTo(frame.getWidth() - 1);
        }
        Bounds upper = box(cards.get(0));
        Bounds lower = box(cards.get(1));
        assertThat(upper.getMinY()).as("1 px frame on top").isEqualTo(1);
        assertThat(lower.getMinY() - upper.getMaxY())
                .as("a 1 px line between the cards")
                .isEqualTo(1);
        assertThat(lower.getMaxY()).as("1 px frame below").isEqualTo(frame.getHeight() - 1);
        dismissAll(robot);
    }

    @Test
    void shadowedPopUpsFloatApartWithTheirShadows(FxRobot robot) {
        VBox stack = popTwo(robot, PopupFrame.SHADOWED);
        Window window = stack.getScene().getWindow();
        List<Region> cards = cards(stack);

        assertThat(stack.getBackground() == null
                        || stack.getBackground().getFills().stream()
                                .allMatch(f -> Color.TRANSPARENT.equals(f.getFill())))
                .as("a transparent stack")
                .isTrue();
        assertThat(stack.getPadding().getTop()).isEqualTo(12);
        for (Region card : cards) {
            assertThat(card.getEffect()).as("a shadow").isNotNull();
            assertThat(card.getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius())
                    .as("round")
                    .isEqualTo(10);
        }
        Bounds upper = box(cards.get(0));
        Bounds lower = box(cards.get(1));
        assertThat(lower.getMinY() - upper.getMaxY())
                .as("room between the cards")
                .isEqualTo(10);
        assertThat(window.getWidth()).as("room around the cards").isGreaterThan(upper.getWidth() + 4);
        dismissAll(robot);
    }

    /** Two conversations pop up (the newest lowest); returns the shown stack. */
    private VBox popTwo(FxRobot robot, PopupFrame frame) {
        Preferences prefs = Preferences.load(dir, dir);
        Clock clock = Clock.systemUTC();
        ChatWindow chats = new ChatWindow() {
            @Override
            public long focusedConversation() {
                return 0;
            }

            @Override
            public void show(long conversationId) {}
        };
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        robot.interact(() -> {
            NotificationsViewModel shown = new NotificationsViewModel(
                    port, new MessageTexts(texts, clock), prefs, () -> {}, chats, clock, Runnable::run);
            vm = shown;
            new NotificationPopups(shown, texts, Objects.requireNonNull(stage), frame);
            shown.start();
            long now = clock.millis();
            port.arrive(group(20, "产品研发组", false, 7, 3, "王波", now, new Content.Text("周会改到四点")));
            port.arrive(direct(10, 5, 2, "李娜", now, "下午三点开会"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node stack = Window.getWindows().stream()
                .filter(Window::isShowing)
                .map(w -> w.getScene().getRoot().lookup(".notification-stack"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        assertThat(cards((VBox) stack)).hasSize(2);
        return (VBox) stack;
    }

    /** Where the stack laid {@code card} out, without its shadow. */
    private static Bounds box(Region card) {
        return new BoundingBox(card.getLayoutX(), card.getLayoutY(), card.getWidth(), card.getHeight());
    }

    private static List<Region> cards(VBox stack) {
        return stack.getChildren().stream().map(Region.class::cast).toList();
    }

    private void dismissAll(FxRobot robot) {
        NotificationsViewModel shown = Objects.requireNonNull(vm);
        robot.interact(() -> {
            shown.dismiss(10);
            shown.dismiss(20);
            shown.dispose();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
