package im.magpie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A peer XMPP server (ejabberd, Prosody) driven through its script ({@code bench/peers/ejabberd},
 * {@code bench/peers/prosody}; both take the same commands): one private directory (configuration, certificate, the
 * stored users, logs), started plain or durable (mod_mam on SQLite) and stopped by PID.
 */
final class PeerServer {
    private final Path script;
    private final Path dir;

    PeerServer(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /** A running instance: its TLS port, the pid of its server process (beam.smp, prosody) and the certificate to trust. */
    record Running(int port, long pid, Path certificate, boolean durable) {}

    /** The installed version of the peer, or null when the script or the package is missing. */
    static @Nullable String installedVersion(Path script) throws InterruptedException {
        if (!Files.isExecutable(script)) {
            return null;
        }
        try {
            Result r = run(List.of(script.toString(), "status"), 30);
            return r.exit == 0 && r.out.startsWith("installed ")
                    ? r.out.substring(10).trim()
                    : null;
        } catch (BenchFailedException e) {
            return null;
        }
    }

    Running start(boolean durable) throws BenchFailedException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString(), "start", dir.toString()));
        if (durable) {
            command.add("--durable");
        }
        Result r = check(run(command, 120), "start");
        String[] lines = r.out.trim().split("\n", -1);
        String[] portPid = lines[lines.length - 1].trim().split(" ", -1);
        try {
            return new Running(
                    Integer.parseInt(portPid[0]), Long.parseLong(portPid[1]), dir.resolve("cert-only.pem"), durable);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BenchFailedException(script + " start printed no \"PORT PID\": " + r.out, e);
        }
    }

    void createUsers(int n) throws BenchFailedException, InterruptedException {
        check(
                run(List.of(script.toString(), "users", dir.toString(), Integer.toString(n), Bench.PASSWORD), 300),
                "users");
    }

    void stop() throws BenchFailedException, InterruptedException {
        check(run(List.of(script.toString(), "stop", dir.toString()), 60), "stop");
    }

    private record Result(int exit, String out) {}

    private Result check(Result r, String what) throws BenchFailedException {
        if (r.exit != 0) {
            throw new BenchFailedException(script + " " + what + " failed (exit " + r.exit + "): " + r.out);
        }
        return r;
    }

    private static Result run(List<String> command, int timeoutSeconds)
            throws BenchFailedException, InterruptedException {
        // Output to a file, not a pipe: the detached server (Erlang node, daemonized prosody) must not hold our end
        // open.
        Path log = null;
        try {
            log = Files.createTempFile("magpie-bench-peer-", ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchFailedException(
                        String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchFailedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }
}
