package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where the "read by" popover opens: below the click, or above it when the window ends below (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ReadByPopupTest {
    static final List<Member> MEMBERS = List.of(
            new Member(1, "张伟", "zw"),
            new Member(2, "李娜", "ln"),
            new Member(3, "王芳", "wf"),
            new Member(4, "陈杰", "cj"),
            new Member(5, "刘洋", "ly"));

    @Nullable
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SceneFixture.show(stage, new Region(), 800, 500);
    }

    Popup open(FxRobot robot, double fromTop, CompletableFuture<List<Member>> members) {
        Stage s = java.util.Objects.requireNonNull(stage);
        ReadByViewModel vm = new ReadByViewModel(9, 1, Map.of(2L, 9L, 3L, 1L, 4L, 1L, 5L, 1L), Runnable::run);
        vm.load(members);
        Popup[] shown = new Popup[1];
        robot.interact(() -> shown[0] =
                ReadByPopup.show(vm, s, s.getX() + 600, s.getY() + fromTop, new Texts(Locale.SIMPLIFIED_CHINESE)));
        WaitForAsyncUtils.waitForFxEvents();
        return shown[0];
    }

    /** Where the popover's content is on the screen (its window also holds the shadow). */
    static javafx.geometry.Bounds content(Popup popup) {
        javafx.scene.Node n = popup.getContent().get(0);
        return java.util.Objects.requireNonNull(n.localToScreen(n.getLayoutBounds()));
    }

    @Test
    void opensBelowTheClickWhenThereIsRoom(FxRobot robot) {
        Stage s = java.util.Objects.requireNonNull(stage);
        Popup popup = open(robot, 60, CompletableFuture.completedFuture(MEMBERS));
        assertThat(content(popup).getMinY()).as("below the click").isGreaterThan(s.getY() + 60);
        robot.interact(popup::hide);
    }

    @Test
    void opensAboveTheClickNearTheWindowsBottomAlsoWhenTheListsFillInLater(FxRobot robot) {
        Stage s = java.util.Objects.requireNonNull(stage);
        CompletableFuture<List<Member>> later = new CompletableFuture<>();
        Popup popup = open(robot, 470, later);
        robot.interact(() -> later.complete(MEMBERS));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.geometry.Bounds shown = popup.getContent()
                .get(0)
                .localToScreen(popup.getContent().get(0).getLayoutBounds());
        assertThat(shown.getMaxY()).as("above the click").isLessThanOrEqualTo(s.getY() + 470);
        assertThat(shown.getMaxX()).as("inside the window").isLessThanOrEqualTo(s.getX() + s.getWidth());
        robot.interact(popup::hide);
    }
}
