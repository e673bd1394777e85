package im.magpie.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Send→delivered latencies of messages sent inside the measurement window [start, end) (nanoTime of the generator);
 * messages sent during warm-up are counted as delivered but not recorded.
 */
final class LatencyRecorder {
    private static final long MAX_NANOS = 120_000_000_000L;

    private final Recorder recorder = new Recorder(MAX_NANOS, 3);
    private final AtomicLong deliveredInWindow = new AtomicLong();
    private final AtomicLong deliveredTotal = new AtomicLong();
    private volatile long start = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;

    void window(long startNanos, long endNanos) {
        this.start = startNanos;
        this.end = endNanos;
    }

    void delivered(long sendNanos, long receivedNanos) {
        deliveredTotal.incrementAndGet();
        if (sendNanos >= start && sendNanos < end) {
            deliveredInWindow.incrementAndGet();
            recorder.recordValue(Math.min(MAX_NANOS, Math.max(0, receivedNanos - sendNanos)));
        }
    }

    long deliveredInWindow() {
        return deliveredInWindow.get();
    }

    long deliveredTotal() {
        return deliveredTotal.get();
    }

    /** The histogram so far (in nanoseconds); resets the recorder. */
    Histogram histogram() {
        return recorder.getIntervalHistogram();
    }
}
