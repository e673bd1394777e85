package im.magpie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -XX} flags a JDK knows, with their types, from {@code java -XX:+PrintFlagsFinal -version} (diagnostic
 * and experimental flags unlocked, so that they are listed too).
 */
final class JvmFlags {
    /** {@code "     bool UsePerfData    = true    {product} {default}"}: the type, then the name. */
    private static final Pattern LINE = Pattern.compile("^\\s*(\\w+)\\s+(\\w+)\\s+:?=.*$");

    private static final Pattern XX_OPTION = Pattern.compile("^-XX:([+-]?)(\\w+)(=.*)?$");

    private final Map<String, String> types;

    private JvmFlags(Map<String, String> types) {
        this.types = Map.copyOf(types);
    }

    /** The flags of the JDK at {@code javaHome}. */
    static JvmFlags of(Path javaHome) throws IOException, InterruptedException {
        Output out = run(
                javaHome,
                List.of(
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:+UnlockExperimentalVMOptions",
                        "-XX:+PrintFlagsFinal",
                        "-version"));
        if (out.exitCode() != 0) {
            throw new IOException("java -XX:+PrintFlagsFinal -version failed:\n" + out.text());
        }
        return parse(out.text());
    }

    static JvmFlags parse(String printFlagsFinal) {
        Map<String, String> types = new HashMap<>();
        for (String line : printFlagsFinal.split("\n", -1)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                types.put(m.group(2), m.group(1));
            }
        }
        return new JvmFlags(types);
    }

    int size() {
        return types.size();
    }

    boolean knows(String name) {
        return types.containsKey(name);
    }

    /** The flag an {@code -XX} option sets ({@code -XX:+UsePerfData} → {@code UsePerfData}), if it has that form. */
    static Optional<String> name(String option) {
        Matcher m = XX_OPTION.matcher(option);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /**
     * What is wrong with an {@code -XX} option on this JDK, if anything: an unknown flag, a boolean flag without
     * {@code +}/{@code -}, or a valued flag with them or without {@code =}. Its value is left to the JVM to check.
     */
    Optional<String> problem(String option) {
        Matcher m = XX_OPTION.matcher(option);
        if (!m.matches()) {
            return Optional.of(option + ": not of the form -XX:+Name, -XX:-Name or -XX:Name=value");
        }
        String type = types.get(m.group(2));
        if (type == null) {
            return Optional.of(option + ": no flag " + m.group(2) + " in this JDK (" + Runtime.version() + ")");
        }
        boolean plusMinus = !m.group(1).isEmpty();
        boolean valued = m.group(3) != null;
        if (type.equals("bool") && (!plusMinus || valued)) {
            return Optional.of(option + ": " + m.group(2) + " is a bool flag, given as -XX:+Name or -XX:-Name");
        }
        if (!type.equals("bool") && (plusMinus || !valued)) {
            return Optional.of(option + ": " + m.group(2) + " is a " + type + " flag, given as -XX:Name=value");
        }
        return Optional.empty();
    }

    /** What {@code java} printed (standard output and error together) and its exit code. */
    record Output(int exitCode, String text) {}

    /** Runs {@code javaHome/bin/java} with {@code arguments}; at most a minute. */
    static Output run(Path javaHome, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Output(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }
}
