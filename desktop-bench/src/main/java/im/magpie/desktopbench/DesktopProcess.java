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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The real desktop app started as a user starts it ({@code bin/magpie-desktop}: the same JVM options and class-data
 * archive) on a data directory, with the benchmark probe on ({@code -Dmagpie.probe=true}, see {@code LaunchProbe}),
 * on the $DISPLAY (Xvfb) with the software renderer. Reads the probe's lines from its standard output.
 */
final class DesktopProcess implements AutoCloseable {
    static final long EXIT_TIMEOUT_S = 180;

    private final Process process;
    private final long startedMs;
    private volatile long fxCpuAtReadyMs = -1;
    private final Map<String, BlockingQueue<String>> events = new ConcurrentHashMap<>();
    private final List<PulseGap> gaps = new CopyOnWriteArrayList<>();
    private final List<long[]> frames = new CopyOnWriteArrayList<>();
    private final List<long[]> pages = new CopyOnWriteArrayList<>();
    private volatile @Nullable ChatShown chat;

    private final Path jvmLog;

    private DesktopProcess(Process process, long startedMs, Path jvmLog) {
        this.process = process;
        this.startedMs = startedMs;
        this.jvmLog = jvmLog;
        Thread reader = new Thread(this::read, "desktop-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static DesktopProcess launch(Path dataDir, Path log) throws IOException {
        return launch(dataDir, log, List.of());
    }

    /** Launches the app with {@code probeOptions} ({@code -Dmagpie.probe.…=…}) and the launcher's JVM options. */
    static DesktopProcess launch(Path dataDir, Path log, List<String> probeOptions) throws IOException {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IOException("no $DISPLAY: run the benchmark with bin/magpie-desktop-bench (it starts Xvfb)");
        }
        List<String> javaOpts = new ArrayList<>();
        String opts = System.getenv("MAGPIE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            javaOpts.add(opts.trim());
        }
        Path jvmLog = log.resolveSibling(log.getFileName() + ".jvm");
        Files.deleteIfExists(jvmLog);
        javaOpts.add(JvmLog.option(jvmLog));
        javaOpts.add("-Dmagpie.probe=true");
        javaOpts.addAll(probeOptions);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of("bin", "magpie-desktop").toAbsolutePath().toString(),
                "--data-dir",
                dataDir.toString(),
                "--lang",
                "zh-CN");
        pb.environment().put("MAGPIE_JAVA_OPTS", String.join(" ", javaOpts));
        pb.environment().put("MAGPIE_PRISM", "sw");
        Files.deleteIfExists(log);
        long start = System.currentTimeMillis();
        Process p =
                pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new DesktopProcess(p, start, jvmLog);
    }

    /** The app's JVM: the launcher script itself once it exec'd java, else its java child. */
    private long javaPid() {
        return process.toHandle()
                .descendants()
                .filter(h -> h.info().command().orElse("").endsWith("/java"))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(process.pid());
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ", -1);
                switch (f[0]) {
                    case "magpie-gap" -> gaps.add(PulseGap.parse(f));
                    case "magpie-frames" ->
                        frames.add(new long[] {
                            Long.parseLong(f[1]),
                            Long.parseLong(f[2]),
                            f.length > 3 && Boolean.parseBoolean(f[3]) ? 1 : 0,
                            f.length > 4 ? Long.parseLong(f[4]) : -1
                        });
                    case "magpie-chat" -> {
                        if (f.length >= 5) {
                            chat = ChatShown.parse(f);
                        }
                    }
                    case "magpie-page" ->
                        pages.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
                    default -> {
                        if (f[0].startsWith("magpie-")) {
                            queue(f[0]).add(line);
                        } // else the app's own output
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended
        }
    }

    /** Process start → first pulse after the conversation list was filled, in ms; fails after {@code timeout}. */
    long awaitReady(Duration timeout) throws InterruptedException, IOException {
        String[] f = await("magpie-ready", timeout);
        fxCpuAtReadyMs = f.length > 3 ? Long.parseLong(f[3]) : -1;
        return Long.parseLong(f[1]) - startedMs;
    }

    /** The CPU time the FX thread had used at the ready line ({@link #awaitReady}), in ms; -1 before it. */
    long fxCpuAtReadyMs() {
        return fxCpuAtReadyMs;
    }

    /** The next probe line {@code kind} ({@code magpie-contacts}, {@code magpie-online}, …), split at blanks. */
    String[] await(String kind, Duration timeout) throws InterruptedException, IOException {
        String line = queue(kind).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IOException("no " + kind + " from the desktop app within " + timeout);
        }
        return line.split(" ", -1);
    }

    private BlockingQueue<String> queue(String kind) {
        return events.computeIfAbsent(kind, k -> new LinkedBlockingQueue<>());
    }

    /**
     * Waits until the open chat's list shows what {@code wanted} accepts (the probe reports it once a second when it
     * changed); returns the last report then, or at the timeout (null when there was none).
     */
    @Nullable
    ChatShown awaitChat(Predicate<ChatShown> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ChatShown now = chat;
            if ((now != null && wanted.test(now)) || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(100);
        }
    }

    /**
     * CPU time (user + system) of the app's JVM threads so far, in ms, summed by thread name (as the kernel keeps it:
     * at most 15 characters), from /proc in clock ticks of 10 ms.
     */
    Map<String, Long> threadCpuMs() throws IOException {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(javaPid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    byName.merge(name, ticksMs(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    /** User + system time of a /proc stat line, in ms. */
    private static long ticksMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        // fields 14 and 15 of stat(5); f[0] is field 3
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /**
     * CPU time (user + system, all threads) the app's JVM has used so far, in ms: what a launch costs whatever else the
     * machine runs (clock ticks of 10 ms from /proc).
     */
    long cpuMs() throws IOException {
        return ticksMs(Files.readString(Path.of("/proc", Long.toString(javaPid()), "stat")));
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
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(javaPid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + key + " for " + javaPid());
    }

    /**
     * Waits until the probe scrolled the open chat to its first message; returns {@code [epoch ms, rows]}, rows negative
     * when it gave up waiting for an older page.
     */
    long[] awaitScrolled(Duration timeout) throws InterruptedException, IOException {
        String[] f = await("magpie-scrolled", timeout);
        long rows = Long.parseLong(f[2]);
        return new long[] {Long.parseLong(f[1]), f.length > 3 ? -rows : rows};
    }

    /** Older pages that arrived while scrolling: {@code [epoch ms, ms since the list reached its top, rows]}. */
    List<long[]> pages() {
        return List.copyOf(pages);
    }

    /**
     * Pulse gaps over 20 ms of wall time or of FX-thread CPU time that ended from {@code fromMs} to {@code toMs}, with
     * the safepoints the app's JVM logged (its log is read now: call after the window).
     */
    FxGaps gaps(long fromMs, long toMs) throws IOException {
        return FxGaps.of(gaps, JvmLog.read(jvmLog), fromMs, toMs);
    }

    /**
     * Whether the main window had the focus in the one-second reports from {@code fromMs} to {@code toMs}, and the most
     * other windows (notification pop-ups) shown: an unfocused window pops up every message of the open chat.
     */
    String windowsBetween(long fromMs, long toMs) {
        List<long[]> in =
                frames.stream().filter(f -> f[0] >= fromMs && f[0] <= toMs).toList();
        long focused = in.stream().filter(f -> f[2] == 1).count();
        long others = in.stream().mapToLong(f -> f[3]).max().orElse(-1);
        return "the main window had the focus in " + focused + " of " + in.size() + " one-second reports; other"
                + " windows (pop-ups) shown: at most " + others;
    }

    /** Pulses counted in the one-second reports from {@code fromMs} to {@code toMs}. */
    long framesBetween(long fromMs, long toMs) {
        return frames.stream()
                .filter(f -> f[0] >= fromMs && f[0] <= toMs)
                .mapToLong(f -> f[1])
                .sum();
    }

    /**
     * Stops the app as a user's closing it would, and waits until its JVM is gone: the first launch after a build writes
     * the class-data archive on its way out (which takes a while), and the next launch must find it.
     */
    @Override
    public void close() {
        List<ProcessHandle> jvms = process.toHandle().descendants().toList();
        process.destroy(); // the launcher script passes the signal on to its java child
        jvms.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(EXIT_TIMEOUT_S, TimeUnit.SECONDS);
            }
            if (!process.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS)) {
                jvms.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            jvms.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Nullable
    Long exitCode() {
        return process.isAlive() ? null : (long) process.exitValue();
    }

    /**
     * What the open chat's list showed at {@code atMs} ({@code magpie-chat}): rows of stored messages, the newest's seq
     * and the first word of its text ({@code -} when not a text).
     */
    record ChatShown(long atMs, long rows, long newestSeq, String newestWord) {
        static ChatShown parse(String[] f) {
            return new ChatShown(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]);
        }
    }
}
