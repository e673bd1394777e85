package im.magpie.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram, in milliseconds. */
record Latency(long count, double p50, double p90, double p99, double p999, double max) {

    static Latency of(Histogram nanos) {
        return new Latency(
                nanos.getTotalCount(),
                ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)),
                ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
