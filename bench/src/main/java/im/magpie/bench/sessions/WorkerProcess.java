package im.magpie.bench.sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The parent's handle on one {@link SessionsWorker} child JVM: starts it, reads its protocol lines (everything else it
 * prints goes to its log file), asks it to count and to stop. The child's CPU counts as the generator's.
 */
public final class WorkerProcess {
    /** Sessions and timings of a worker once every session was attempted. */
    public record Up(long loggedIn, long failed, long millis, long retries, List<String> failures) {}

    /** A worker's sessions at one moment. */
    public record Count(long open, long closed, long pings, long pongs) {}

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private WorkerProcess(Process process, Path log) throws IOException {
        this.process = process;
        this.commands =
                new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> pump(logWriter), "worker-" + process.pid() + "-out");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java jvmOptions -cp classPath im.magpie.bench.BenchMain --role sessions-worker workerArgs}; its
     * other output goes to {@code log}.
     */
    public static WorkerProcess start(
            Path javaHome, List<String> jvmOptions, String classPath, List<String> workerArgs, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add("im.magpie.bench.BenchMain");
        command.add("--role");
        command.add(SessionsWorker.ROLE);
        command.addAll(workerArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new WorkerProcess(p, log);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the worker attempted every session. */
    public Up awaitUp(long timeoutSeconds) throws IOException, InterruptedException {
        String[] f = expect("UP", timeoutSeconds).split(" ", -1);
        List<String> failures = new ArrayList<>();
        long failed = Long.parseLong(f[2]);
        for (int i = 0; i < Math.min(failed, 3); i++) {
            String line = lines.poll(5, TimeUnit.SECONDS);
            if (line != null && line.startsWith("FAIL ")) {
                failures.add(line.substring(5));
            }
        }
        return new Up(Long.parseLong(f[1]), failed, Long.parseLong(f[3]), Long.parseLong(f[4]), failures);
    }

    public Count count() throws IOException, InterruptedException {
        commands.println("COUNT");
        String[] f = expect("OPEN", 60).split(" ", -1);
        return new Count(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
    }

    /** Asks the worker to close its sessions and exit; kills it when it does not within a minute. */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            commands.println("STOP");
            commands.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String expect(String word, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            @Nullable String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("worker " + process.pid() + " did not say " + word + " within " + timeoutSeconds
                        + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
            }
            if (line.startsWith(word + " ")) {
                return line;
            }
        }
    }

    private void pump(Writer log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = log) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(SessionsWorker.PREFIX)) {
                    lines.add(line.substring(SessionsWorker.PREFIX.length()));
                } else {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            lines.add("EOF " + e.getMessage());
        }
    }
}
