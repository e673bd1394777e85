package im.magpie.systemtests;

import im.magpie.server.admin.cli.AdminCli;
import im.magpie.testsupport.AcmePerson;
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
 * can kill it with SIGKILL ({@link #kill()}) and start it again on the same data.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path configFile;
    private final Path logFile;
    private final int discoveryPort;
    private final int gatewayPort;
    private final int apiPort;
    private final int adminPort;
    private @Nullable Process process;

    ServerProcess(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        this.dataDir = workDir.resolve("data");
        this.configFile = workDir.resolve("magpie.yml");
        this.logFile = workDir.resolve("server-console.log");
        int[] ports = freePorts(4);
        this.discoveryPort = ports[0];
        this.gatewayPort = ports[1];
        this.apiPort = ports[2];
        this.adminPort = ports[3];
        Files.writeString(
                configFile, """
                bind_address: 127.0.0.1
                ports:
                  discovery: %d
                  gateway: %d
                  api: %d
                  admin: %d
                """.formatted(discoveryPort, gatewayPort, apiPort, adminPort), StandardCharsets.UTF_8);
    }

    /** Starts the server and waits until discovery answers. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
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

    /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL child is left as it is. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** SIGTERM: the server shuts down cleanly. */
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

    /** Creates the user with the real admin command line, as an administrator would. */
    void createUser(AcmePerson person) throws IOException {
        Path passwordFile = Files.createTempFile("pw", ".txt");
        try {
            Files.writeString(passwordFile, person.password(), StandardCharsets.UTF_8);
            int exit = AdminCli.run(
                    "--data-dir",
                    dataDir.toString(),
                    "user",
                    "create",
                    person.account(),
                    "--name",
                    person.displayName(),
                    "--password-file",
                    passwordFile.toString());
            if (exit != 0) {
                throw new IllegalStateException("magpie-admin user create " + person.account() + " exited " + exit);
            }
        } finally {
            Files.delete(passwordFile);
        }
    }

    String discoveryAddress() {
        return "127.0.0.1:" + discoveryPort;
    }

    int adminPort() {
        return adminPort;
    }

    Path dataDir() {
        return dataDir;
    }

    String consoleLog() throws IOException {
        return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
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
                throw new IllegalStateException("server exited during start-up:\n" + consoleLog());
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
        throw new IllegalStateException(
                "server did not answer discovery within " + START_TIMEOUT + ":\n" + consoleLog());
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
