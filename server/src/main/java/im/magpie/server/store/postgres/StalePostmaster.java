package im.magpie.server.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after an owner that died without stopping its embedded PostgreSQL (kill -9): a postmaster
 * still running on our data directory is asked to shut down (SIGTERM, then SIGKILL after a timeout;
 * the WAL makes either safe); a pid file whose process is gone or is not our postgres is deleted.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final Path dbDir;

    StalePostmaster(Path dbDir) {
        this.dbDir = dbDir;
    }

    void clear() throws IOException {
        Path pidFile = dbDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parse(lines.get(0));
        if (process.isPresent() && process.get().isAlive() && isOurPostgres(process.get(), lines)) {
            log.warn(
                    "stopping orphaned embedded PostgreSQL (pid {}) left by a previous run",
                    process.get().pid());
            stop(process.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<ProcessHandle> parse(String line) {
        try {
            return ProcessHandle.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isOurPostgres(ProcessHandle process, List<String> lines) throws IOException {
        boolean postgres =
                process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
        if (!postgres || lines.size() < 2) {
            return false;
        }
        Path recorded = Path.of(lines.get(1).strip());
        return Files.exists(recorded) && Files.isSameFile(recorded, dbDir);
    }

    private static void stop(ProcessHandle process) throws IOException {
        process.destroy();
        if (awaitExit(process, STOP_TIMEOUT)) {
            return;
        }
        log.warn("orphaned PostgreSQL (pid {}) ignored SIGTERM; killing it", process.pid());
        process.destroyForcibly();
        if (!awaitExit(process, KILL_TIMEOUT)) {
            throw new IOException("could not stop orphaned PostgreSQL pid " + process.pid());
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) throws IOException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException("waiting for pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pid " + process.pid(), e);
        }
    }
}
