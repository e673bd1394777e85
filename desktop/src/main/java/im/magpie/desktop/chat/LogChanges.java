package im.magpie.desktop.chat;

import java.util.List;

/**
 * What a conversation's log gained after a seq ({@link ChatPort#changesAfter}): {@code added}, the new messages and
 * notices, oldest first; {@code changed}, earlier messages those entries changed, as they are now (a recalled message);
 * {@code newestSeq}, the highest seq read, entries that show nothing (read marks, recall markers) included, to ask
 * after next time; {@code more}: the read stopped at its limit, more entries may follow.
 */
public record LogChanges(List<Message> added, List<Message> changed, long newestSeq, boolean more) {
    public LogChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }
}
