package im.magpie.desktopbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine: CPUs, memory, OS, Java. */
final class Machine {
    private Machine() {}

    /** The 1, 5 and 15 minute load averages (other work on the machine skews every figure). */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
            return "load average " + f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "load average unknown";
        }
    }

    static String describe() {
        String cpu = "";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            // not Linux: leave it out
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Math.round(memKb / 1024.0 / 1024.0) + " GB RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }
}
