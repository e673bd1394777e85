package im.magpie.desktop;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the headless view tests show a view: on the test's stage, in the Primer light theme with desktop.css, after
 * hiding the windows earlier test classes in this JVM left open (menus, dialogs, viewers would take the robot's
 * clicks); and the events the tests send as the platform would.
 */
public final class SceneFixture {
    private SceneFixture() {}

    /** Shows {@code root} on {@code stage} in a {@code width} × {@code height} scene. */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets()
                .add(Objects.requireNonNull(SceneFixture.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /**
     * A primary click on the node {@code query} finds at that moment, delivered on the FX thread (under load a list may
     * draw a row again between a lookup and the robot's click).
     */
    public static void click(FxRobot robot, String query) {
        robot.interact(() -> NodeClicks.click(robot.lookup(query).query()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Monocle sends no context menu request on a right click: the test asks as the platform would, 40 × 20 px into
     * {@code node}.
     */
    public static void openMenu(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            node.fireEvent(new ContextMenuEvent(
                    ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40, 20, b.getMinX() + 40, b.getMinY() + 20, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
