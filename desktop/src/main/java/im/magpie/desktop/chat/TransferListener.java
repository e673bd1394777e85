package im.magpie.desktop.chat;

/** Hears how far an upload or download is; called on a client thread, must not block. */
@FunctionalInterface
public interface TransferListener {
    TransferListener NONE = (done, total) -> {};

    void progress(long doneBytes, long totalBytes);
}
