package im.magpie.bench;

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
 * The Magpie server as a separate JVM ({@code im.magpie.server.ServerMain}) on free loopback ports with a fresh data
 * directory, started from this JVM's class path (which holds the server and its libraries).
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path dataDir;
    private final Path configFile;
    private final Path logFile;
    private final int discoveryPort;
    private final String heapOption;
    private @Nullable Process process;

    ServerProcess(Path workDir, int heartbeatSeconds, String heapOption) throws IOException {
        Files.createDirectories(workDir);
        this.dataDir = workDir.resolve("data");
        this.configFile = workDir.resolve("magpie.yml");
        this.logFile = workDir.resolve("server-console.log");
        this.heapOption = heapOption;
        int[] ports = freePorts(4);
        this.discoveryPort = ports[0];
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
                """.formatted(ports[0], ports[1], ports[2], ports[3], heartbeatSeconds),
                StandardCharsets.UTF_8);
    }

    /** Starts the server and waits until discovery answers. */
    void start() throws IOException, InterruptedException, BenchFailedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heapOption);
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
        awaitDiscovery();
    }

    long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("server not started");
        }
        return p.pid();
    }

    String discoveryAddress() {
        return "127.0.0.1:" + discoveryPort;
    }

    Path dataDir() {
        return dataDir;
    }

    /** SIGTERM, then SIGKILL after a minute. */
    void stop() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            process = null;
        }
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

    private String consoleTail() throws IOException {
        if (!Files.exists(logFile)) {
            return "";
        }
        String all = Files.readString(logFile, StandardCharsets.UTF_8);
        return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
    }

    private void awaitDiscovery() throws IOException, InterruptedException, BenchFailedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + discoveryAddress() + "/discovery"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new BenchFailedException("server exited during start-up:\n" + consoleTail());
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
        throw new BenchFailedException(
                "server did not answer discovery within " + START_TIMEOUT + ":\n" + consoleTail());
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
