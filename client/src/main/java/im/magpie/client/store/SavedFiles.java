package im.magpie.client.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this device keeps the file or folder of a message: where a received one was saved, or where an own one was
 * sent from. Kept in the encrypted settings, so file names do not leave the encrypted store. A message is named by a
 * {@code ref} the caller chooses (for example its seq, or its client message id before the seq is known).
 */
public final class SavedFiles {
    static final String PREFIX = "file.";

    private final SettingsTable settings;

    SavedFiles(SettingsTable settings) {
        this.settings = settings;
    }

    public void remember(long conversationId, String ref, Path path) {
        settings.put(key(conversationId, ref), path.toAbsolutePath().toString());
    }

    /**
     * The remembered paths of {@code refs} (refs without one are left out), whether or not they still exist, in a new
     * map the caller may change.
     */
    public Map<String, Path> of(long conversationId, Collection<String> refs) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String ref : refs) {
            settings.get(key(conversationId, ref)).ifPresent(p -> {
                try {
                    out.put(ref, Path.of(p));
                } catch (InvalidPathException e) {
                    // written on another platform: as if not remembered
                }
            });
        }
        return out;
    }

    private static String key(long conversationId, String ref) {
        return PREFIX + conversationId + "." + ref;
    }
}
