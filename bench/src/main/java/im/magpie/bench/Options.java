package im.magpie.bench;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command-line options of {@link BenchMain}. {@code peer}: {@code auto} (ejabberd side by side when it is installed;
 * the default of quick and full), {@code ejabberd} or {@code prosody} (that peer, required), {@code none} (ours only;
 * the default of smoke).
 */
record Options(Params params, Path results, @Nullable Path work, boolean keep, String peer) {

    static Options parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing mode");
        }
        Params params = Params.preset(args[0]);
        Path results = Path.of("bench", "results");
        Path work = null;
        boolean keep = false;
        String peer = List.of("smoke", "sessions", "logins").contains(params.mode()) ? "none" : "auto";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--results" -> results = Path.of(value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--keep" -> keep = true;
                case "--set" -> params = params.with(value(args, ++i));
                case "--peer" -> peer = peer(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(params.validate(), results, work, keep, peer);
    }

    private static String peer(String value) {
        if (!List.of("auto", "ejabberd", "prosody", "none").contains(value)) {
            throw new IllegalArgumentException("--peer must be auto, ejabberd, prosody or none, not " + value);
        }
        return value;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
