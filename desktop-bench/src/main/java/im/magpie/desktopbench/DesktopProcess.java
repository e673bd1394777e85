package im.magpie.desktopbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real desktop app ({@code im.magpie.desktop.DesktopMain}) as a separate JVM on a data directory, with the
 * benchmark probe on ({@code -Dmagpie.probe=true}, see {@code LaunchProbe}): on the $DISPLAY when there is one (e.g.
 * Xvfb), else on headless Monocle with the software renderer. Reads the probe's lines from its standard output.
 */
final class DesktopProcess implements AutoCloseable {
    private final Process process;
    private final long startedMs;
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();
    private final List<long[]> gaps = new CopyOnWriteArrayList<>();
    private final List<long[]> frames = new CopyOnWriteArrayList<>();

    private DesktopProcess(Process process, long startedMs) {
        this.process = process;
        this.startedMs = startedMs;
        Thread reader = new Thread(this::read, "desktop-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static DesktopProcess launch(Path dataDir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("MAGPIE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+", -1)));
        }
        command.add("-Dmagpie.probe=true");
        command.add("-Dprism.order=sw");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            command.add("-Dglass.platform=Monocle");
            command.add("-Dmonocle.platform=Headless");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("im.magpie.desktop.DesktopMain");
        command.add("--data-dir");
        command.add(dataDir.toString());
        command.add("--lang");
        command.add("zh-CN");
        Files.deleteIfExists(log);
        long start = System.currentTimeMillis();
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new DesktopProcess(p, start);
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ", -1);
                switch (f[0]) {
                    case "magpie-ready" -> ready.add(line);
                    case "magpie-gap" -> gaps.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    case "magpie-frames" -> frames.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    default -> {
                        // the app's own output
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended
        }
    }

    /** Process start → first pulse after the conversation list was filled, in ms; fails after {@code timeout}. */
    long awaitReady(Duration timeout) throws InterruptedException, IOException {
        String line = ready.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IOException("the desktop app did not show its conversation list within " + timeout);
        }
        return Long.parseLong(line.split(" ", -1)[1]) - startedMs;
    }

    /**
     * CPU time (user + system, all threads) the app's JVM has used so far, in ms: what a launch costs whatever else the
     * machine runs (clock ticks of 10 ms from /proc).
     */
    long cpuMs() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        // fields 14 and 15 of stat(5); f[0] is field 3
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** Resident set size now, in KiB (VmRSS in /proc). */
    long rssKb() throws IOException {
        return status("VmRSS:");
    }

    /** The largest resident set size so far, in KiB (VmHWM in /proc). */
    long peakRssKb() throws IOException {
        return status("VmHWM:");
    }

    private long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + key + " for " + process.pid());
    }

    /** Pulse gaps over 20 ms ({@code [epoch ms, gap ms]}) reported from {@code fromMs} on. */
    List<long[]> gapsSince(long fromMs) {
        return gaps.stream().filter(g -> g[0] >= fromMs).toList();
    }

    /** Pulses counted in the one-second reports from {@code fromMs} to {@code toMs}. */
    long framesBetween(long fromMs, long toMs) {
        return frames.stream()
                .filter(f -> f[0] >= fromMs && f[0] <= toMs)
                .mapToLong(f -> f[1])
                .sum();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Nullable
    Long exitCode() {
        return process.isAlive() ? null : (long) process.exitValue();
    }
}
