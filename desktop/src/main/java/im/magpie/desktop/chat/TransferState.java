package im.magpie.desktop.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One running upload or download as its bubble shows it: a fraction (-1 until the size is known) and "done / total".
 * Progress from the client thread is coalesced: at most one update waits for the FX thread at a time.
 */
public final class TransferState implements TransferListener {
    private final boolean upload;
    private final long knownTotal;
    private final Executor fxThread;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private CompletableFuture<?> work = CompletableFuture.completedFuture(null);

    /** {@code knownTotal}: the size the message states (0 when not known yet, as for an upload being listed). */
    TransferState(boolean upload, long knownTotal, Executor fxThread) {
        this.upload = upload;
        this.knownTotal = knownTotal;
        this.fxThread = fxThread;
    }

    public boolean upload() {
        return upload;
    }

    /** 0..1, or -1 while the size is not known. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "1.2 MB / 5.0 MB". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void track(CompletableFuture<?> running) {
        this.work = running;
    }

    /** Stops the transfer (the client stops at its next step). */
    void cancel() {
        work.cancel(true);
    }

    @Override
    public void progress(long doneBytes, long totalBytes) {
        done.set(doneBytes);
        total.set(totalBytes);
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::show);
        }
    }

    private void show() {
        scheduled.set(false);
        long d = done.get();
        long t = Math.max(total.get(), knownTotal);
        fraction.set(t <= 0 ? -1 : Math.min(1, (double) d / t));
        text.set(t <= 0 ? MessageTexts.size(d) : MessageTexts.size(d) + " / " + MessageTexts.size(t));
    }
}
