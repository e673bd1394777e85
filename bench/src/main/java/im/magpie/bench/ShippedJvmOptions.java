package im.magpie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server JVM's options as the product ships them: {@code server/jvm.options}, the argument file
 * {@code bin/magpie-server} hands to {@code java}, which the server's jar carries as {@value #RESOURCE}. Every bench
 * server starts with these, so the bench measures what an operator runs.
 */
final class ShippedJvmOptions {
    static final String RESOURCE = "/im/magpie/server/jvm.options";

    private ShippedJvmOptions() {}

    /** The options from the server jar on the class path. */
    static List<String> load() throws IOException {
        try (InputStream in = ShippedJvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path (is the server jar built?)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The shipped options followed by {@code extra} (space-separated; later options win), when given. */
    static List<String> with(List<String> first, String... extra) {
        List<String> options = new ArrayList<>(first);
        for (String e : extra) {
            if (!e.isBlank()) {
                options.addAll(List.of(e.trim().split("\\s+", -1)));
            }
        }
        return options;
    }

    /**
     * The java launcher's argument-file syntax as the file uses it: options separated by white space, {@code #} up to
     * the end of the line is a comment. Quotes are refused (the file does not need them, and {@code java} would treat
     * them differently from a plain split).
     */
    static List<String> parse(String text) {
        List<String> options = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.indexOf('"') >= 0 || content.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("quoted JVM options are not supported: " + line);
            }
            if (!content.isEmpty()) {
                options.addAll(List.of(content.split("\\s+", -1)));
            }
        }
        return options;
    }
}
