package im.magpie.desktopbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The gaps between FX pulses the probe reported (each over 20 ms of wall or FX-thread CPU time), with the app's
 * safepoints laid over them. The wall gap is what a user sees; the FX thread's CPU time within it is the app's own work
 * (events, runnables, CSS, layout), which the machine's load does not inflate. The rest of a long gap is told apart:
 * collections and other safepoints (the JVM's log), the FX thread runnable without a core, the render thread, the app's
 * other threads ({@link PulseGap#cause}).
 */
record FxGaps(List<PulseGap> gaps, List<JvmLog.Safepoint> safepoints, long fromMs) {
    static final long STALL_MS = 50;

    /** The probe's gaps from {@code fromMs} to {@code toMs}, with the safepoints of the app's JVM log. */
    static FxGaps of(List<PulseGap> all, JvmLog log, long fromMs, long toMs) {
        List<PulseGap> in = all.stream()
                .filter(g -> g.endMs() >= fromMs && g.endMs() <= toMs)
                .map(log::annotate)
                .toList();
        return new FxGaps(in, log.between(fromMs, toMs), fromMs);
    }

    long longestWall() {
        return gaps.stream().mapToLong(PulseGap::wallMs).max().orElse(0);
    }

    long longestCpu() {
        return gaps.stream().mapToLong(PulseGap::fxCpuMs).max().orElse(0);
    }

    long wallOver(long ms) {
        return gaps.stream().filter(g -> g.wallMs() > ms).count();
    }

    long cpuOver(long ms) {
        return gaps.stream().filter(g -> g.fxCpuMs() > ms).count();
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "Wall-clock gaps over %d ms: %d, longest %d ms. FX-thread CPU between two pulses over %d ms: **%d**,"
                        + " longest **%d ms**.",
                STALL_MS,
                wallOver(STALL_MS),
                longestWall(),
                STALL_MS,
                cpuOver(STALL_MS),
                longestCpu());
    }

    /** Markdown lines: where the wall-clock gaps over {@value #STALL_MS} ms went. */
    List<String> breakdown() {
        List<String> lines = new ArrayList<>();
        List<PulseGap> stalls = gaps.stream().filter(g -> g.wallMs() > STALL_MS).toList();
        lines.add(jvm());
        if (stalls.isEmpty()) {
            return lines;
        }
        Map<PulseGap.Cause, List<PulseGap>> byCause = new EnumMap<>(PulseGap.Cause.class);
        stalls.forEach(
                g -> byCause.computeIfAbsent(g.cause(), c -> new ArrayList<>()).add(g));
        StringBuilder causes =
                new StringBuilder("Wall-clock gaps over " + STALL_MS + " ms by what most of the stall was:");
        byCause.forEach((cause, list) -> causes.append(String.format(
                Locale.ROOT,
                " %s **%d** (longest %d ms);",
                cause.text,
                list.size(),
                list.stream().mapToLong(PulseGap::wallMs).max().orElse(0))));
        lines.add(causes.substring(0, causes.length() - 1) + ".");
        lines.add(String.format(
                Locale.ROOT,
                "Summed over those %d gaps (%d ms of wall time): FX thread on a core %d ms, runnable without a core %s"
                        + " ms, off a core %d ms; the JVM at safepoints %d ms (collections %d ms, by the collector"
                        + " beans %d ms); render thread on a core %s ms, runnable without a core %s ms; the app's other"
                        + " threads %s ms of CPU.",
                stalls.size(),
                sum(stalls, PulseGap::wallMs),
                sum(stalls, PulseGap::fxCpuMs),
                known(stalls, PulseGap::fxWaitMs),
                sum(stalls, PulseGap::fxOffCpuMs),
                sum(stalls, PulseGap::safepointMs),
                sum(stalls, PulseGap::gcSafepointMs),
                sum(stalls, PulseGap::gcMs),
                known(stalls, PulseGap::renderCpuMs),
                known(stalls, PulseGap::renderWaitMs),
                known(stalls, PulseGap::otherCpuMs)));
        lines.add("");
        lines.add(
                "| gap ends (ms of the run) | wall ms | FX CPU | FX no core | render CPU | render no core | safepoints"
                        + " (GC) | collections young/full | other threads CPU | cause |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        stalls.stream()
                .sorted(Comparator.comparingLong(PulseGap::wallMs).reversed())
                .limit(12)
                .forEach(g -> lines.add(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %d | %d | %d (%d) | %d/%d | %d | %s |",
                        g.endMs() - fromMs,
                        g.wallMs(),
                        g.fxCpuMs(),
                        g.fxWaitMs(),
                        g.renderCpuMs(),
                        g.renderWaitMs(),
                        g.safepointMs(),
                        g.gcSafepointMs(),
                        g.youngCollections(),
                        g.fullCollections(),
                        g.otherCpuMs(),
                        g.cause().name())));
        lines.add("");
        return lines;
    }

    /** The JVM's safepoints in the window: how many, how long, the longest. */
    private String jvm() {
        double total =
                safepoints.stream().mapToDouble(JvmLog.Safepoint::durationMs).sum();
        double gc = safepoints.stream()
                .filter(JvmLog.Safepoint::collection)
                .mapToDouble(JvmLog.Safepoint::durationMs)
                .sum();
        JvmLog.Safepoint longest = safepoints.stream()
                .max(Comparator.comparingDouble(JvmLog.Safepoint::durationMs))
                .orElse(null);
        return String.format(
                Locale.ROOT,
                "Safepoints of the app's JVM in the window (`-Xlog:safepoint`): %d, %.0f ms in all, of them collections"
                        + " %d (%.0f ms); longest %s.",
                safepoints.size(),
                total,
                safepoints.stream().filter(JvmLog.Safepoint::collection).count(),
                gc,
                longest == null
                        ? "none"
                        : String.format(Locale.ROOT, "%.0f ms (%s)", longest.durationMs(), longest.operation()));
    }

    private static long sum(List<PulseGap> gaps, ToLongFunction<PulseGap> f) {
        return gaps.stream().mapToLong(f).sum();
    }

    /** The sum of a figure, or "unknown" when the probe could not read it. */
    private static String known(List<PulseGap> gaps, ToLongFunction<PulseGap> f) {
        return gaps.stream().anyMatch(g -> f.applyAsLong(g) < 0) ? "unknown" : Long.toString(sum(gaps, f));
    }
}
