package im.magpie.desktop;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primary clicks fired straight at a node, without a robot: the screenshot command's steps, and the headless tests
 * (where the list may draw a row again between a lookup and a robot's click, which then lands on a node that is gone).
 * The event carries the node's centre in scene and screen coordinates, so what opens at the click (a popover) opens
 * where it would for the user.
 */
public final class NodeClicks {
    private static final Logger LOG = LoggerFactory.getLogger(NodeClicks.class);

    private NodeClicks() {}

    /** Clicks the last node of the scene matching {@code selector}; logs {@code what} is missing when none does. */
    static void clickNewest(Scene scene, String selector, String what) {
        List<Node> found = List.copyOf(scene.getRoot().lookupAll(selector));
        if (found.isEmpty()) {
            LOG.warn("screenshots: {}", what);
            return;
        }
        click(found.get(found.size() - 1));
    }

    /** A primary single click at the centre of {@code node} (FX thread). */
    public static void click(Node node) {
        Bounds local = node.getLayoutBounds();
        double x = local.getCenterX();
        double y = local.getCenterY();
        Point2D scene = node.localToScene(x, y);
        Point2D screen = node.localToScreen(x, y);
        double screenX = screen == null ? scene.getX() : screen.getX();
        double screenY = screen == null ? scene.getY() : screen.getY();
        node.fireEvent(new MouseEvent(
                MouseEvent.MOUSE_CLICKED,
                scene.getX(),
                scene.getY(),
                screenX,
                screenY,
                MouseButton.PRIMARY,
                1,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                true,
                false,
                false,
                null));
    }
}
