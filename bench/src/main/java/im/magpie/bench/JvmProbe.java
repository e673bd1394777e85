package im.magpie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks another JVM (the server) through {@code jcmd} for a full GC and its live heap. */
final class JvmProbe {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_CATEGORY =
            Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final int MAX_OUTPUT = 64 * 1024;

    private final Path jcmd;

    JvmProbe(Path javaHome) {
        this.jcmd = javaHome.resolve("bin").resolve("jcmd");
    }

    /** Runs a full GC in {@code pid}, then returns its used heap in KiB (the live data after that GC). */
    long liveHeapKb(long pid) throws BenchFailedException, InterruptedException {
        run(pid, "GC.run");
        return parseUsedKb(run(pid, "GC.heap_info"));
    }

    /**
     * The JVM's native memory by NMT category, committed KiB ({@code Total} first); the JVM must run with
     * {@code -XX:NativeMemoryTracking=summary}. Memory that native libraries allocate themselves (BoringSSL) is not in
     * it: RSS minus the total is that, plus what NMT does not see.
     */
    Map<String, Long> nativeMemoryKb(long pid) throws BenchFailedException, InterruptedException {
        return parseNativeMemory(run(pid, "VM.native_memory summary scale=KB"));
    }

    static Map<String, Long> parseNativeMemory(String summary) throws BenchFailedException {
        Matcher total = NMT_TOTAL.matcher(summary);
        if (!total.find()) {
            throw new BenchFailedException("jcmd VM.native_memory printed no total (is NMT on?)");
        }
        Map<String, Long> kb = new LinkedHashMap<>();
        kb.put("Total", Long.parseLong(total.group(2)));
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            kb.put(m.group(1).trim(), Long.parseLong(m.group(3)));
        }
        return kb;
    }

    static long parseUsedKb(String heapInfo) throws BenchFailedException {
        Matcher m = HEAP_USED.matcher(heapInfo);
        if (!m.find()) {
            throw new BenchFailedException("jcmd GC.heap_info printed no heap line");
        }
        return Long.parseLong(m.group(1));
    }

    private String run(long pid, String command) throws BenchFailedException, InterruptedException {
        try {
            List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
            line.addAll(List.of(command.split(" ", -1)));
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BenchFailedException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new BenchFailedException("cannot run jcmd: " + e.getMessage(), e);
        }
    }
}
