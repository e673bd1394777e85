package im.magpie.desktop.backend;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.EntryRecord;
import im.magpie.desktop.chat.LogChanges;
import im.magpie.desktop.chat.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * What an open chat reads when entries of its conversation were stored: the entries after the newest one it read, and
 * the earlier messages that their recall markers recalled (read again, now recalled).
 */
final class NewEntries {
    private NewEntries() {}

    /** On a store thread: reads up to {@code limit} entries after {@code afterSeq}. */
    static LogChanges read(MagpieClient c, long conversationId, long afterSeq, int limit) {
        List<EntryRecord> page = c.entriesAfter(conversationId, afterSeq, limit);
        List<Message> added = new ArrayList<>();
        List<Message> changed = new ArrayList<>();
        long newest = afterSeq;
        for (EntryRecord e : page) {
            newest = Math.max(newest, e.seq());
            long target = EntryDecoder.recallTarget(e);
            if (target > 0 && target <= afterSeq) {
                c.entry(conversationId, target).flatMap(EntryDecoder::decode).ifPresent(changed::add);
            } else {
                // a message recalled within this page is read as recalled already
                EntryDecoder.decode(e)
                        .map(m -> ClientBackend.withRecalledOriginal(c, m))
                        .ifPresent(added::add);
            }
        }
        return new LogChanges(added, changed, newest, page.size() >= limit);
    }
}
