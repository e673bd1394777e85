package im.magpie.desktop;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the app did between two FX pulses, for the launch probe: taken on the FX thread at each pulse, the difference of
 * two samples says where a long gap went. The FX thread's CPU time and its time runnable but waiting for a core (Linux
 * schedstat), the same two for the render thread ({@code QuantumRenderer}, which draws the previous frame while the FX
 * thread waits for it), the time the JVM spent in collections (young and full counted apart) and the CPU time of the
 * whole process (the store, network and compiler threads; 10 ms ticks). Figures the system does not offer are -1.
 */
final class PulseCosts {
    /** The render thread's name as Linux keeps it (15 characters of {@code QuantumRenderer-0}). */
    static final String RENDERER = "QuantumRenderer";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final com.sun.management.@Nullable OperatingSystemMXBean os =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean b
                    ? b
                    : null;
    private final @Nullable SchedStat fx = SchedStat.open(Path.of("/proc/thread-self/schedstat"));
    private @Nullable SchedStat renderer;
    private boolean rendererLooked;

    /** One sample; times in ns, -1 when not known. */
    record Sample(
            long fxCpu,
            long fxWait,
            long renderCpu,
            long renderWait,
            long gcMs,
            long youngCount,
            long fullCount,
            long processCpu) {
        /**
         * {@code <fx cpu ms> <fx wait ms> <render cpu ms> <render wait ms> <gc ms> <young collections> <full collections>
         * <process cpu ms>} from {@code before} to this sample.
         */
        String since(Sample before) {
            return ms(fxCpu, before.fxCpu) + " " + ms(fxWait, before.fxWait) + " " + ms(renderCpu, before.renderCpu)
                    + " " + ms(renderWait, before.renderWait) + " " + (gcMs - before.gcMs) + " "
                    + (youngCount - before.youngCount) + " " + (fullCount - before.fullCount) + " "
                    + ms(processCpu, before.processCpu);
        }

        private static long ms(long now, long before) {
            return now < 0 || before < 0 ? -1 : (now - before) / 1_000_000;
        }
    }

    /** Samples now; call on the FX thread. */
    Sample sample() {
        SchedStat render = renderer();
        long[] f = fx == null ? null : fx.read();
        long[] r = render == null ? null : render.read();
        long gc = 0;
        long young = 0;
        long full = 0;
        for (GarbageCollectorMXBean c : collectors) {
            gc += Math.max(0, c.getCollectionTime());
            if (isFull(c)) {
                full += Math.max(0, c.getCollectionCount());
            } else {
                young += Math.max(0, c.getCollectionCount());
            }
        }
        return new Sample(
                threads.getCurrentThreadCpuTime(),
                f == null ? -1 : f[1],
                r == null ? -1 : r[0],
                r == null ? -1 : r[1],
                gc,
                young,
                full,
                os == null ? -1 : os.getProcessCpuTime());
    }

    /** The old generation's collector (serial: MarkSweepCompact; parallel: PS MarkSweep; G1: G1 Old Generation). */
    private static boolean isFull(GarbageCollectorMXBean c) {
        return c.getName().contains("MarkSweep") || c.getName().contains("Old");
    }

    /** The render thread's schedstat, looked up once it runs (it starts with the toolkit). */
    private @Nullable SchedStat renderer() {
        if (!rendererLooked) {
            rendererLooked = true;
            renderer = findThread(RENDERER);
        }
        return renderer;
    }

    private static @Nullable SchedStat findThread(String name) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : all.toList()) {
                String comm = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII)
                        .strip();
                if (comm.startsWith(name)) {
                    return SchedStat.open(task.resolve("schedstat"));
                }
            }
        } catch (IOException e) {
            return null; // a thread ended while listing: the figure stays unknown
        }
        return null;
    }

    /** One thread's {@code schedstat}: ns on a CPU, ns runnable but waiting for one, time slices (proc(5)). */
    private static final class SchedStat {
        private final FileChannel file;
        private final ByteBuffer buffer = ByteBuffer.allocate(128);

        private SchedStat(FileChannel file) {
            this.file = file;
        }

        /** Opened once: {@code /proc/thread-self} stays the thread that opened it. */
        static @Nullable SchedStat open(Path path) {
            try {
                return new SchedStat(FileChannel.open(path, StandardOpenOption.READ));
            } catch (IOException | UnsupportedOperationException e) {
                return null; // not Linux, or schedstat not compiled in
            }
        }

        /** {@code [cpu ns, wait ns]}, or null when it cannot be read. */
        long @Nullable [] read() {
            try {
                buffer.clear();
                int n = file.read(buffer, 0);
                if (n <= 0) {
                    return null;
                }
                String[] f = new String(buffer.array(), 0, n, StandardCharsets.US_ASCII)
                        .strip()
                        .split(" ", -1);
                return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
            } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
