package im.magpie.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The server as a separate JVM on fixed free loopback ports and one data directory, so that a test
 * can kill it with SIGKILL ({@link #kill()}) and start it again on the same data, and the benchmark
 * can account for its CPU ({@link #pid()}). The server's classes must be on this JVM's class path.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path dataDir;
    private final Path configFile;
    private final Path logFile;
    private final int discoveryPort;
    private final int gatewayPort;
    private final int apiPort;
    private final int adminPort;
    private final List<String> jvmOptions;
    private @Nullable Process process;
    private @Nullable Thread reaper;

    /** A server with a 30 s heartbeat and a 512 MiB heap. */
    public ServerProcess(Path workDir) throws IOException {
        this(workDir, 30, List.of("-Xmx512m"), "");
    }

    /**
     * {@code jvmOptions}: options of the server JVM (heap, diagnostics); {@code extraConfig}: YAML top-level sections
     * appended to the generated configuration (e.g. {@code password_hashing}), or empty.
     */
    public ServerProcess(Path workDir, int heartbeatSeconds, List<String> jvmOptions, String extraConfig)
            throws IOException {
        Files.createDirectories(workDir);
        this.dataDir = workDir.resolve("data");
        this.configFile = workDir.resolve("magpie.yml");
        this.logFile = workDir.resolve("server-console.log");
        int[] ports = freePorts(4);
        this.discoveryPort = ports[0];
        this.gatewayPort = ports[1];
        this.apiPort = ports[2];
        this.adminPort = ports[3];
        this.jvmOptions = List.copyOf(jvmOptions);
        Files.writeString(
                configFile,
                """
                bind_address: 127.0.0.1
                ports:
                  discovery: %d
                  gateway: %d
                  api: %d
                  admin: %d
                limits:
                  heartbeat_seconds: %d
                """.formatted(discoveryPort, gatewayPort, apiPort, adminPort, heartbeatSeconds) + extraConfig,
                StandardCharsets.UTF_8);
    }

    /** Starts the server and waits until discovery answers; fails with the console's tail otherwise. */
    public void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("im.magpie.server.ServerMain");
        command.add("--config");
        command.add(configFile.toString());
        command.add("--data-dir");
        command.add(dataDir.toString());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        reapOnExit(process);
        awaitDiscovery();
    }

    /**
     * When this JVM ends before {@link #stop} (a benchmark or test run interrupted with SIGTERM or Ctrl-C), the server
     * gets a SIGTERM too, so that it stops its embedded PostgreSQL instead of living on with its ports and data.
     */
    private void reapOnExit(Process started) {
        Thread hook = new Thread(
                () -> {
                    if (started.isAlive()) {
                        started.destroy();
                    }
                },
                "server-process-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
        reaper = hook;
    }

    private void forgetReaper() {
        Thread hook = reaper;
        reaper = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // this JVM is already shutting down: the hook runs and finds the process ended
            }
        }
    }

    /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL child is left as it is. */
    public void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            process = null;
            forgetReaper();
        }
    }

    /** SIGTERM: the server shuts down cleanly. */
    public void stop() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            process = null;
            forgetReaper();
        }
    }

    /** The server JVM's process id. */
    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("server not started");
        }
        return p.pid();
    }

    public String discoveryAddress() {
        return "127.0.0.1:" + discoveryPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The last few thousand characters the server printed. */
    public String consoleTail() throws IOException {
        if (!Files.exists(logFile)) {
            return "";
        }
        String all = Files.readString(logFile, StandardCharsets.UTF_8);
        return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    private void awaitDiscovery() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + discoveryAddress() + "/discovery"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IOException("server exited during start-up:\n" + consoleTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("server did not answer discovery within " + START_TIMEOUT + ":\n" + consoleTail());
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
