package im.magpie.desktop.chat;

import javafx.geometry.Point2D;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/** Scroll events as a touchpad sends them, for the launch probe's scroll scenario and the chat's scroll test. */
public final class ScrollEvents {
    private ScrollEvents() {}

    /**
     * A scroll up by {@code px} pixels over the middle of {@code flow}, as a touchpad fling sends it (pixels, not lines);
     * the probe's scroll scenario and the chat's scroll test fire it.
     */
    public static ScrollEvent flingUp(Region flow, double px) {
        double x = flow.getWidth() / 2;
        double y = flow.getHeight() / 2;
        Point2D screen = flow.localToScreen(x, y);
        return new ScrollEvent(
                ScrollEvent.SCROLL,
                x,
                y,
                screen == null ? x : screen.getX(),
                screen == null ? y : screen.getY(),
                false,
                false,
                false,
                false,
                false,
                false,
                0,
                px,
                0,
                px,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                0,
                null);
    }
}
