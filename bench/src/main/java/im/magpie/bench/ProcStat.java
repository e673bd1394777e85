package im.magpie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads CPU and memory figures of processes and of the whole machine from a /proc file system. */
final class ProcStat {
    private final Path proc;

    ProcStat(Path proc) {
        this.proc = proc;
    }

    /** utime + stime of one process, in clock ticks; 0 when the process is gone. */
    long processTicks(long pid) throws IOException {
        try {
            return parseProcessTicks(Files.readString(proc.resolve(pid + "/stat"), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    /** Resident set size of one process in KiB; 0 when the process is gone. */
    long rssKb(long pid) throws IOException {
        try {
            return parseRssKb(Files.readString(proc.resolve(pid + "/status"), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    /**
     * Context switches (voluntary + involuntary) of all threads the process has now, from {@code /proc/PID/task/TID/status};
     * 0 when the process is gone. A thread of an event loop switches out voluntarily each time it waits for work.
     */
    long contextSwitches(long pid) throws IOException {
        long sum = 0;
        Path tasks = proc.resolve(pid + "/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                sum += parseContextSwitches(readQuietly(task.resolve("status")));
            }
        }
        return sum;
    }

    static long parseContextSwitches(String status) {
        long sum = 0;
        for (String line : status.split("\n", -1)) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return sum;
    }

    /** Whether a file whose path contains {@code needle} is mapped into the process (e.g. a native library it loaded). */
    boolean maps(long pid, String needle) throws IOException {
        try {
            return Files.readString(proc.resolve(pid + "/maps"), StandardCharsets.UTF_8)
                    .contains(needle);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** The machine's busy and total ticks summed over all cores (the "cpu" line of /proc/stat). */
    MachineTicks machineTicks() throws IOException {
        return parseMachineTicks(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
    }

    /**
     * Pids of an embedded PostgreSQL: every postmaster (a process whose program is {@code postgres} and whose command
     * line contains {@code needle}, e.g. the data directory) and all its descendants (the backends rewrite their
     * command line and no longer name the directory).
     */
    List<Long> postgresPids(String needle) throws IOException {
        return withDescendants(needle, -1);
    }

    /** Every descendant of a process (for ejabberd: erl_child_setup and the port programs it starts). */
    List<Long> descendants(long pid) throws IOException {
        List<Long> all = withDescendants(null, pid);
        all.remove(pid);
        return all;
    }

    /** The postgres programs naming {@code needle} (or the process {@code root}) and all their descendants. */
    private List<Long> withDescendants(@Nullable String needle, long root) throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        if (root > 0) {
            roots.add(root);
        }
        try (DirectoryStream<Path> dirs =
                Files.newDirectoryStream(proc, p -> isNumeric(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                long parent = parentPid(readQuietly(dir.resolve("stat")));
                if (parent >= 0) {
                    parents.put(pid, parent);
                }
                if (needle == null) {
                    continue;
                }
                String[] argv = readQuietly(dir.resolve("cmdline")).split("\0", -1);
                if (isPostgresProgram(argv[0]) && String.join(" ", argv).contains(needle)) {
                    roots.add(pid);
                }
            }
        }
        Set<Long> found = new LinkedHashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Long> e : parents.entrySet()) {
                if (found.contains(e.getValue()) && found.add(e.getKey())) {
                    grew = true;
                }
            }
        }
        return new ArrayList<>(found);
    }

    static boolean isPostgresProgram(String argv0) {
        return argv0.equals("postgres") || argv0.endsWith("/postgres");
    }

    /** Field 4 of /proc/PID/stat, or -1 when the text is not a stat line. */
    static long parentPid(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return -1;
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+", -1);
        return f.length > 1 ? Long.parseLong(f[1]) : -1;
    }

    private static String readQuietly(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException goneOrDenied) {
            return "";
        }
    }

    static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Fields 14 and 15 of /proc/PID/stat, counted after the closing parenthesis of the command name. */
    static long parseProcessTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line");
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+", -1);
        // f[0] is field 3 (state); utime is field 14, stime field 15.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long parseRssKb(String status) {
        for (String line : status.split("\n", -1)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+", -1)[0]);
            }
        }
        return 0;
    }

    static MachineTicks parseMachineTicks(String stat) {
        for (String line : stat.split("\n", -1)) {
            if (line.startsWith("cpu ")) {
                String[] f = line.substring(4).trim().split("\\s+", -1);
                long total = 0;
                // user nice system idle iowait irq softirq steal (guest time is already inside user/nice)
                for (int i = 0; i < Math.min(8, f.length); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[3]) + (f.length > 4 ? Long.parseLong(f[4]) : 0);
                return new MachineTicks(total - idle, total);
            }
        }
        throw new IllegalArgumentException("no cpu line in /proc/stat");
    }

    /** Busy and total ticks of the whole machine. */
    record MachineTicks(long busy, long total) {}
}
