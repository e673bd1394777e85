package im.magpie.client;

import im.magpie.client.net.TransferProgress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A handle on a file transfer (one file, a whole folder, or a download): how far it is, and {@link #cancel()}. Create
 * one, pass it to {@link MagpieClient#sendFile(long, java.nio.file.Path, Transfer)} (or the folder or download
 * variant) and keep it; the listener hears every step on the transferring thread.
 */
public final class Transfer implements TransferProgress {
    /** Hears progress; called on the transferring thread, must not block. */
    @FunctionalInterface
    public interface Listener {
        void progress(long doneBytes, long totalBytes);
    }

    private final Listener listener;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean cancelled;

    public Transfer(Listener listener) {
        this.listener = listener;
    }

    /** A transfer nobody follows (what the methods without a {@code Transfer} use). */
    public static Transfer untracked() {
        return new Transfer((d, t) -> {});
    }

    /** Stops the transfer at its next step; its future fails with a {@code TransferCancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    public long doneBytes() {
        return done.get();
    }

    /** All bytes to move; known once the transfer has looked at its files. */
    public long totalBytes() {
        return total.get();
    }

    /** Adds {@code bytes} to the total (a folder adds each of its files before the first one starts). */
    void expect(long bytes) {
        listener.progress(done.get(), total.addAndGet(bytes));
    }

    @Override
    public void advanced(long bytes) {
        listener.progress(done.addAndGet(bytes), total.get());
    }
}
