package im.magpie.desktop.image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails of local image files, decoded in the background at a bounded size and kept for the most recently
 * shown {@link #CAPACITY} files, so scrolling past a picture again neither decodes nor reads it again. FX thread only.
 */
public final class Thumbnails {
    static final int CAPACITY = 96;
    /** Longest side a thumbnail is decoded at (twice the shown size, for sharp HiDPI drawing). */
    static final double DECODE = 480;

    private final Map<Path, Image> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    public Image of(Path file) {
        return cache.computeIfAbsent(file, f -> new Image(f.toUri().toString(), DECODE, DECODE, true, true, true));
    }
}
