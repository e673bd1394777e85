package im.magpie.desktopbench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds and their percentiles in milliseconds. */
final class Percentiles {
    private final long[] nanos;

    Percentiles(long[] nanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    double ms(double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
    }

    int count() {
        return nanos.length;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms",
                count(),
                ms(50),
                ms(90),
                ms(99),
                ms(100));
    }
}
