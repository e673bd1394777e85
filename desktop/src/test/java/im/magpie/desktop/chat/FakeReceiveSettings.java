package im.magpie.desktop.chat;

import java.nio.file.Path;

/** Receive settings a test sets. */
final class FakeReceiveSettings implements ReceiveSettings {
    Path folder = Path.of("/home/zw/Downloads/Magpie");
    boolean auto;

    @Override
    public Path downloadFolder() {
        return folder;
    }

    @Override
    public boolean autoReceive() {
        return auto;
    }
}
