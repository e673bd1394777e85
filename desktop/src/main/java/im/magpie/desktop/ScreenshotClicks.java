package im.magpie.desktop;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clicks the screenshot steps make without a robot: a primary click fired straight at a node. */
final class ScreenshotClicks {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotClicks.class);

    private ScreenshotClicks() {}

    /** Clicks the last node of the scene matching {@code selector}; logs {@code what} is missing when none does. */
    static void clickNewest(Scene scene, String selector, String what) {
        List<Node> found = List.copyOf(scene.getRoot().lookupAll(selector));
        if (found.isEmpty()) {
            LOG.warn("screenshots: {}", what);
            return;
        }
        found.get(found.size() - 1)
                .fireEvent(new MouseEvent(
                        MouseEvent.MOUSE_CLICKED,
                        0,
                        0,
                        0,
                        0,
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
