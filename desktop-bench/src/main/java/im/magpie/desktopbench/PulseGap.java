package im.magpie.desktopbench;

/**
 * One gap between two FX pulses as the app's probe reported it ({@code magpie-gap}, see {@code LaunchProbe} and
 * {@code PulseCosts}): when it ended, how long it was, and where the time went. "Wait" is time a thread was runnable
 * but had no core (Linux schedstat); -1 is "not known". {@code safepointMs} and {@code gcSafepointMs} come from the
 * app's JVM log ({@link JvmLog}), the time the JVM stood still within the gap.
 */
record PulseGap(
        long endMs,
        long wallMs,
        long fxCpuMs,
        long fxWaitMs,
        long renderCpuMs,
        long renderWaitMs,
        long gcMs,
        long youngCollections,
        long fullCollections,
        long processCpuMs,
        long safepointMs,
        long gcSafepointMs) {

    /** A pulse comes every 16.7 ms at 60 Hz: the part of a gap beyond that is the stall. */
    static final double PULSE_MS = 1000.0 / 60;

    /** From the fields after {@code magpie-gap}; older probes gave only the first three. */
    static PulseGap parse(String[] f) {
        return new PulseGap(
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                field(f, 4),
                field(f, 5),
                field(f, 6),
                field(f, 7),
                field(f, 8),
                field(f, 9),
                field(f, 10),
                0,
                0);
    }

    private static long field(String[] f, int i) {
        return i < f.length ? Long.parseLong(f[i]) : -1;
    }

    long startMs() {
        return endMs - wallMs;
    }

    /** The FX thread neither ran nor waited for a core: it slept (the event loop, the render thread, a safepoint). */
    long fxOffCpuMs() {
        return wallMs - fxCpuMs - Math.max(0, fxWaitMs);
    }

    /** Other threads of the app (store, network, compilers, collector), ±10 ms (the process figure is in ticks). */
    long otherCpuMs() {
        return processCpuMs < 0 ? -1 : Math.max(0, processCpuMs - fxCpuMs - Math.max(0, renderCpuMs));
    }

    PulseGap withSafepoints(long totalMs, long gcMs) {
        return new PulseGap(
                endMs,
                wallMs,
                fxCpuMs,
                fxWaitMs,
                renderCpuMs,
                renderWaitMs,
                this.gcMs,
                youngCollections,
                fullCollections,
                processCpuMs,
                totalMs,
                gcMs);
    }

    /**
     * What most of the stall (the gap beyond one pulse) was: the FX thread's own work, a collection, another safepoint,
     * the FX thread waiting for a core, the render thread (drawing or waiting for a core), other threads of the app, or
     * none of these (the FX thread slept on something else: the X server, a lock, the pulse timer).
     */
    Cause cause() {
        double stall = wallMs - PULSE_MS;
        if (fxCpuMs >= stall / 2) {
            return Cause.FX_WORK;
        }
        long gc = Math.max(gcMs, gcSafepointMs);
        if (gc >= stall / 2) {
            return fullCollections > 0 ? Cause.FULL_GC : Cause.YOUNG_GC;
        }
        if (safepointMs - gcSafepointMs >= stall / 2) {
            return Cause.SAFEPOINT;
        }
        if (fxWaitMs >= stall / 2) {
            return Cause.FX_NO_CORE;
        }
        if (Math.max(0, renderCpuMs) + Math.max(0, renderWaitMs) >= stall / 2) {
            return Cause.RENDER;
        }
        if (otherCpuMs() >= stall / 2) {
            return Cause.OTHER_THREADS;
        }
        return Cause.UNEXPLAINED;
    }

    /** The causes a stall is put down to, in the order {@link #cause} tries them. */
    enum Cause {
        FX_WORK("the FX thread's own work (CPU)"),
        FULL_GC("a full collection"),
        YOUNG_GC("young collections"),
        SAFEPOINT("another safepoint (deoptimisation, code cache, …)"),
        FX_NO_CORE("the FX thread runnable, waiting for a core"),
        RENDER("the render thread (drawing, or waiting for a core)"),
        OTHER_THREADS("other threads of the app (CPU)"),
        UNEXPLAINED("none of these (the FX thread slept: X server, lock, timer)");

        final String text;

        Cause(String text) {
            this.text = text;
        }
    }
}
