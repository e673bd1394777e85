package im.magpie.desktop.contacts;

import javafx.scene.shape.Circle;

/** The small presence dot drawn on an avatar's corner: green online, amber away, grey offline, none when unknown. */
public final class PresenceDot extends Circle {
    public PresenceDot(double radius) {
        super(radius);
        getStyleClass().add("presence-dot");
        show(Presence.UNKNOWN);
    }

    public void show(Presence presence) {
        getStyleClass().removeIf(c -> c.startsWith("presence-") && !c.equals("presence-dot"));
        getStyleClass().add("presence-" + presence.name().toLowerCase(java.util.Locale.ROOT));
        setVisible(presence != Presence.UNKNOWN);
    }
}
