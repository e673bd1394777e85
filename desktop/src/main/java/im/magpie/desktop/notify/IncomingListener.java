package im.magpie.desktop.notify;

import java.util.List;

/** Hears about messages as they are stored; called on a client thread (never the FX thread), must not block. */
public interface IncomingListener {
    /** Messages were stored on this device (live or by a catch-up sync; in log order per conversation). */
    void arrived(List<Incoming> messages);

    /** The message {@code seq} of a conversation was recalled by its sender. */
    default void recalled(long conversationId, long seq) {}

    /** Auto-receive saved the file or folder of message {@code m} to {@code path} (in the download folder). */
    default void saved(Incoming m, java.nio.file.Path path) {}

    /** The user read a conversation up to {@code readSeq} (on this or another of their devices). */
    default void read(long conversationId, long readSeq) {}
}
