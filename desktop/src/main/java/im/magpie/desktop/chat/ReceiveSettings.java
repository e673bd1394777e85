package im.magpie.desktop.chat;

import java.nio.file.Path;

/**
 * Where received files go and whether they go there by themselves (F3). The settings pane provides the user's choice;
 * {@link #defaults(Path)} is what applies until they choose.
 */
public interface ReceiveSettings {
    /** The folder the "download" button and auto-receive save into. */
    Path downloadFolder();

    /** Whether files others send are saved into {@link #downloadFolder()} without asking. */
    boolean autoReceive();

    /** {@code home}/Downloads/Magpie, not saving by itself. */
    static ReceiveSettings defaults(Path home) {
        Path folder = home.resolve("Downloads").resolve("Magpie");
        return new ReceiveSettings() {
            @Override
            public Path downloadFolder() {
                return folder;
            }

            @Override
            public boolean autoReceive() {
                return false;
            }
        };
    }
}
