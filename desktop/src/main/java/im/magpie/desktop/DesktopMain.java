package im.magpie.desktop;

import javafx.application.Application;

/**
 * Entry point on the class path. It must not extend {@link Application}: the JavaFX launcher refuses to start an
 * {@code Application} main class from the unnamed module without JavaFX on the module path.
 */
public final class DesktopMain {
    private DesktopMain() {}

    public static void main(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
