package im.magpie.desktopbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * History scrolling: the real app opens a conversation of many stored messages and its probe scrolls the chat from
 * the newest message to the first, a fixed distance a pulse with one scroll event (as a touchpad fling sends it), so
 * that older pages load from the local store as they do under a user's scrolling. Reports how long it took, the FX pulse gaps on the way and how long the list waited at
 * its top for each older page.
 */
final class ScrollScenario {
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private ScrollScenario() {}

    static void run(Path dir, Path work, int px, Consumer<String> line) throws Exception {
        List<String> probe = List.of("-Dmagpie.probe.open=" + Seeder.FIRST_ID, "-Dmagpie.probe.scroll=" + px);
        try (DesktopProcess app = DesktopProcess.launch(dir, work.resolve("desktop-scroll.log"), probe)) {
            app.awaitReady(DesktopBenchMain.READY_TIMEOUT);
            long from = System.currentTimeMillis();
            long cpuFrom = app.cpuMs();
            long[] end = app.awaitScrolled(TIMEOUT);
            long cpu = app.cpuMs() - cpuFrom;
            long rss = app.peakRssKb();
            FxGaps gaps = app.gaps(from, end[0]);
            List<long[]> pages = app.pages();
            Percentiles waits = new Percentiles(
                    pages.stream().mapToLong(p -> p[1] * 1_000_000).toArray());
            line.accept("");
            line.accept("## Scrolling a chat of " + String.format(Locale.ROOT, "%,d", Math.abs(end[1]))
                    + " stored messages from the newest to the first");
            line.accept("");
            line.accept(String.format(
                    Locale.ROOT,
                    "%d px a pulse%s: %.1f s, %d s of the app's CPU, %d older pages; peak RSS %.0f MB. %s"
                            + " Wait at the top of the list for each older page (0 when it was in before the top): %s (%s).",
                    px,
                    end[1] < 0 ? " (**gave up**: no older page, or the list stopped moving; see the app's log)" : "",
                    (end[0] - from) / 1000.0,
                    cpu / 1000,
                    pages.size(),
                    rss / 1024.0,
                    gaps.summary(),
                    waits.summary(),
                    Machine.load()));
            line.accept("");
            gaps.breakdown().forEach(line);
        }
    }
}
