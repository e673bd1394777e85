package im.magpie.desktopbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safepoints of the app's JVM, from the log the benchmark asks it to write ({@link #option}: {@code -Xlog} of
 * safepoints and collections, stamped with the wall clock in ms, which the probe's gaps also use). A safepoint line is
 * written when the safepoint ends and says how long it lasted, so each one is an interval to lay over the pulse gaps.
 */
final class JvmLog {
    private static final Pattern SAFEPOINT =
            Pattern.compile("^\\[(\\d+)ms\\] Safepoint \"([^\"]+)\",.* Total: (\\d+) ns");

    /** One safepoint: {@code [start ms, end ms]} in epoch ms (fractions kept), and whether it was a collection. */
    record Safepoint(double startMs, double endMs, String operation) {
        boolean collection() {
            return operation.contains("Collect") || operation.contains("GC");
        }

        double durationMs() {
            return endMs - startMs;
        }

        double overlapMs(double from, double to) {
            return Math.max(0, Math.min(to, endMs) - Math.max(from, startMs));
        }
    }

    private final List<Safepoint> safepoints;

    private JvmLog(List<Safepoint> safepoints) {
        this.safepoints = safepoints;
    }

    /** The JVM option that writes the log to {@code file}. */
    static String option(Path file) {
        return "-Xlog:safepoint=info,gc=info:file=" + file + ":timemillis";
    }

    /** Reads the log (empty when the app wrote none). */
    static JvmLog read(Path file) throws IOException {
        List<Safepoint> all = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = SAFEPOINT.matcher(line);
                if (m.find()) {
                    double end = Long.parseLong(m.group(1));
                    double total = Long.parseLong(m.group(3)) / 1e6;
                    all.add(new Safepoint(end - total, end, m.group(2)));
                }
            }
        }
        return new JvmLog(all);
    }

    /** The gap with the time the JVM spent at safepoints within it (all, and those of collections). */
    PulseGap annotate(PulseGap gap) {
        double all = 0;
        double gc = 0;
        for (Safepoint s : safepoints) {
            double o = s.overlapMs((double) gap.startMs(), (double) gap.endMs());
            all += o;
            if (s.collection()) {
                gc += o;
            }
        }
        return gap.withSafepoints(Math.round(all), Math.round(gc));
    }

    /** Safepoints that began and ended between {@code fromMs} and {@code toMs}. */
    List<Safepoint> between(long fromMs, long toMs) {
        return safepoints.stream()
                .filter(s -> s.startMs() >= fromMs && s.endMs() <= toMs)
                .toList();
    }
}
