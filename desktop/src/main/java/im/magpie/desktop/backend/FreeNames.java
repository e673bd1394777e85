package im.magpie.desktop.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** A name for a received file in a folder: the sender's name made safe, numbered when taken ("报告 (1).pdf"). */
final class FreeNames {
    static final int MAX_TRIES = 10_000;

    private FreeNames() {}

    static Path in(Path folder, String sentName) throws IOException {
        return in(folder, sentName, p -> false);
    }

    /**
     * As {@link #in(Path, String)}, but a taken name whose file {@code alreadyThere} accepts (the same content, saved
     * before) is returned instead of a new numbered one.
     */
    static Path in(Path folder, String sentName, Predicate<Path> alreadyThere) throws IOException {
        String name = safe(sentName);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = folder.resolve(name);
        for (int i = 1; Files.exists(candidate); i++) { // a left ".part" is resumed, not avoided
            if (alreadyThere.test(candidate)) {
                return candidate;
            }
            if (i > MAX_TRIES) {
                throw new IOException("no free name for " + name + " in " + folder);
            }
            candidate = folder.resolve(stem + " (" + i + ")" + ext);
        }
        return candidate;
    }

    /** The last segment of what the sender wrote, without separators or control characters; never "." or "..". */
    static String safe(String sentName) {
        String s = sentName.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}:*?\"<>|]", "_")
                .strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "file" : s;
    }
}
