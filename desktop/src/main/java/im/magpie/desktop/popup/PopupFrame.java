package im.magpie.desktop.popup;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.layout.Region;

/**
 * How a popup's card meets the screen. A popup is a window of its own; a soft shadow and rounded corners need the
 * pixels around the card to be transparent, which only a compositing window manager draws. Without one (Xvfb with
 * openbox, many Linux desktops, the kiosks) those pixels come out opaque, and the card sits in a grey box. There the
 * card fills its window instead: square corners, its 1 px border, no shadow.
 */
public enum PopupFrame {
    /** Transparent windows are drawn: rounded corners and a soft shadow around the card. */
    SHADOWED,
    /** No compositor: the card fills its window, square, with its border and no shadow. */
    FLAT;

    /** The style class that makes a card flat (the stylesheets drop its shadow and its round corners). */
    public static final String FLAT_STYLE = "popup-flat";

    /** The frame this screen can draw (asks the toolkit, so only once it runs). */
    public static PopupFrame ofScreen() {
        return Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW) ? SHADOWED : FLAT;
    }

    /** Styles {@code card}, the root of a popup's content, for this frame. */
    public void dress(Region card) {
        card.getStyleClass().remove(FLAT_STYLE);
        if (this == FLAT) {
            card.getStyleClass().add(FLAT_STYLE);
        }
    }
}
