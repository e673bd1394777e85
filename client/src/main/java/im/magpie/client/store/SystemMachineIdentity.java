package im.magpie.client.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The real machine: {@code /etc/machine-id} or {@code /var/lib/dbus/machine-id} on Linux, {@code IOPlatformUUID} from
 * {@code ioreg} on macOS, {@code MachineGuid} from the registry on Windows (where DPAPI is used first).
 */
public final class SystemMachineIdentity implements MachineIdentity {
    private static final List<Path> MACHINE_ID_FILES =
            List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));
    private static final int MAX_ID_BYTES = 4096;

    private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    @Override
    public String machineId() {
        try {
            if (os.contains("win")) {
                return WindowsRegistry.machineGuid();
            }
            if (os.contains("mac")) {
                return macPlatformUuid();
            }
            for (Path file : MACHINE_ID_FILES) {
                if (Files.isReadable(file)) {
                    String id =
                            Files.readString(file, StandardCharsets.US_ASCII).strip();
                    if (!id.isEmpty()) {
                        return id;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read this machine's id", e);
        }
        throw new IllegalStateException("this machine has no machine id (looked at " + MACHINE_ID_FILES + ")");
    }

    @Override
    public String userName() {
        return System.getProperty("user.name", "");
    }

    @Override
    public boolean hasDpapi() {
        return os.contains("win");
    }

    private static String macPlatformUuid() throws IOException {
        Process p = new ProcessBuilder("ioreg", "-rd1", "-c", "IOPlatformExpertDevice")
                .redirectErrorStream(true)
                .start();
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readNBytes(64 * MAX_ID_BYTES), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IOException("ioreg did not finish in 10 s");
            }
            for (String line : out.split("\n", -1)) {
                if (line.contains("\"IOPlatformUUID\"")) {
                    String[] parts = line.split("\"", -1);
                    if (parts.length >= 4) {
                        return parts[3];
                    }
                }
            }
            throw new IOException("ioreg printed no IOPlatformUUID");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading IOPlatformUUID", e);
        }
    }

    /** Reads MachineGuid through JNA; kept apart so the class loads without Windows natives elsewhere. */
    private static final class WindowsRegistry {
        static String machineGuid() {
            return com.sun.jna.platform.win32.Advapi32Util.registryGetStringValue(
                    com.sun.jna.platform.win32.WinReg.HKEY_LOCAL_MACHINE,
                    "SOFTWARE\\Microsoft\\Cryptography",
                    "MachineGuid");
        }
    }
}
