package im.magpie.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one window changes between the login and the main window on a stage that is already showing: after the first
 * login it has the main window's size and can be resized, after "log out" the login window's size and cannot. (On
 * Monocle a showing stage follows a new scene's size by itself; the GTK case that did not, a window that is not
 * resizable, is described at {@link DesktopApp#setSizedScene}.)
 */
class WindowSizeTest {
    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    @Test
    void theMainWindowAfterALoginHasTheMainSizeAndTheLoginWindowAfterLogOutTheLoginSize() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            DesktopApp.setSizedScene(
                    stage, new Scene(new StackPane(), DesktopApp.LOGIN_WIDTH, DesktopApp.LOGIN_HEIGHT), false);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isEqualTo(DesktopApp.LOGIN_WIDTH);
        assertThat(stage.isResizable()).isFalse();

        FxToolkit.setupFixture(() -> DesktopApp.setSizedScene(
                stage, new Scene(new StackPane(), DesktopApp.MAIN_WIDTH, DesktopApp.MAIN_HEIGHT), true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isEqualTo(DesktopApp.MAIN_WIDTH);
        assertThat(stage.getHeight()).isEqualTo(DesktopApp.MAIN_HEIGHT);
        assertThat(stage.isResizable()).isTrue();

        FxToolkit.setupFixture(() -> DesktopApp.setSizedScene(
                stage, new Scene(new StackPane(), DesktopApp.LOGIN_WIDTH, DesktopApp.LOGIN_HEIGHT), false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isEqualTo(DesktopApp.LOGIN_WIDTH);
        assertThat(stage.getHeight()).isEqualTo(DesktopApp.LOGIN_HEIGHT);
        assertThat(stage.isResizable()).isFalse();
    }
}
