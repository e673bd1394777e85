package im.magpie.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds files below a directory whose bytes contain any of the given markers. */
final class PlaintextScan {
    private PlaintextScan() {}

    /** "file: marker" for every hit; empty when nothing is in clear. */
    static List<String> hits(Path dir, List<String> markers) throws IOException {
        List<byte[]> needles =
                markers.stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException vanished) {
                    continue; // temp files of a running database may disappear while we walk
                }
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(bytes, needles.get(i)) >= 0) {
                        hits.add(dir.relativize(file) + ": " + markers.get(i));
                    }
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
