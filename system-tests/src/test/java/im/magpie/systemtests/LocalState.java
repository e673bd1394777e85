package im.magpie.systemtests;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import java.util.Comparator;
import java.util.List;

/** Everything a client holds locally about its conversations, in a comparable, printable form. */
record LocalState(List<ConversationRecord> conversations, List<EntryRecord> entries) {

    static LocalState of(MagpieClient client) {
        List<ConversationRecord> conversations = client.conversations().stream()
                .map(c -> new ConversationRecord(
                        c.id(),
                        c.kind(),
                        c.title(),
                        c.lastSeq(),
                        c.active(),
                        c.members().stream()
                                .sorted(Comparator.comparingLong(MemberRecord::userId))
                                .toList()))
                .sorted(Comparator.comparingLong(ConversationRecord::id))
                .toList();
        List<EntryRecord> entries = conversations.stream()
                .flatMap(c -> client.messages(c.id(), Long.MAX_VALUE, 100_000).stream())
                .toList();
        return new LocalState(conversations, entries);
    }

    /** A readable account of the state for failure messages (never message bodies). */
    String describe() {
        StringBuilder out = new StringBuilder();
        for (ConversationRecord c : conversations) {
            out.append(c).append('\n');
        }
        for (EntryRecord e : entries) {
            out.append("  ").append(e).append('\n');
        }
        return out.toString();
    }
}
