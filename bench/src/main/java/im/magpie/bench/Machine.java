package im.magpie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and software a run set ran on, and the kernel's clock tick rate. */
final class Machine {
    private Machine() {}

    /**
     * {@code tls}: what the run's TLS sides were; {@code serverTls}: the gateway's implementation (see
     * {@link TlsFacts#server}), {@code generatorTls}: the generator's devices'.
     */
    static Map<String, Object> facts(String serverVersion, Tls tls) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("mem_total_kb", firstValue(Path.of("/proc/meminfo"), "MemTotal").replace(" kB", ""));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("magpie_server", serverVersion);
        m.put(
                "netty",
                io.netty.util.Version.identify().values().stream()
                        .filter(v -> v.artifactId().equals("netty-common"))
                        .map(io.netty.util.Version::artifactVersion)
                        .findFirst()
                        .orElse("?"));
        m.put("tls", "TLS 1.3, pinned installation CA");
        m.put("server_tls", tls.server());
        m.put("generator_tls", tls.generator());
        return m;
    }

    /** The TLS implementations of the server's gateway and of the generator's devices in a run. */
    record Tls(String server, String generator) {}

    static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return "?";
        }
        return "?";
    }

    /** {@code getconf CLK_TCK}, or 100 (the value on every common Linux build) when it cannot be asked. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Long.parseLong(out);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
