package im.magpie.desktop.emoji;

import java.util.ArrayList;
import java.util.List;

/** The emoji the user picked most recently, newest first, without repeats; kept while the app runs. */
public final class EmojiRecents {
    static final int MAX = 24;
    private final List<String> recent = new ArrayList<>();

    public synchronized void use(String emoji) {
        recent.remove(emoji);
        recent.add(0, emoji);
        if (recent.size() > MAX) {
            recent.remove(recent.size() - 1);
        }
    }

    public synchronized List<String> list() {
        return List.copyOf(recent);
    }
}
