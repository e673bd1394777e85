package im.magpie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks another JVM (the server) through {@code jcmd} for a full GC and its live heap. */
final class JvmProbe {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
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

    static long parseUsedKb(String heapInfo) throws BenchFailedException {
        Matcher m = HEAP_USED.matcher(heapInfo);
        if (!m.find()) {
            throw new BenchFailedException("jcmd GC.heap_info printed no heap line");
        }
        return Long.parseLong(m.group(1));
    }

    private String run(long pid, String command) throws BenchFailedException, InterruptedException {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
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
