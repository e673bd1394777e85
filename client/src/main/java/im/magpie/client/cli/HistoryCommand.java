package im.magpie.client.cli;

import im.magpie.client.store.EntryRecord;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "Print the latest messages of a conversation.")
final class HistoryCommand extends CliCommand {
    @Option(names = "--with", paramLabel = "ACCOUNT")
    @Nullable
    String with;

    @Option(names = "--conversation", paramLabel = "ID")
    @Nullable
    Long conversation;

    @Option(names = "--limit", paramLabel = "N", description = "How many entries (default 20, at most 1000).")
    int limit = 20;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) {
            throw new CliException("--limit must be 1..1000", 2);
        }
        try (CliSession session = connected()) {
            long id = session.conversation(with, conversation, false);
            List<EntryRecord> entries = session.await(session.client().history(id, Long.MAX_VALUE, limit));
            boolean group = session.client()
                    .conversation(id)
                    .map(c -> c.kind().equals("GROUP"))
                    .orElse(true);
            EntryFormatter f = new EntryFormatter(ZoneId.systemDefault(), session::account);
            for (EntryRecord e : shown(entries, group)) {
                out().println(f.format(e));
            }
            return 0;
        }
    }

    /**
     * The entries worth a history line: in a group every one, its notices ("created", "members added", "renamed")
     * included; in a direct chat or the file transfer assistant only messages, as the desktop shows them (their
     * creation notices say nothing to the reader).
     */
    static List<EntryRecord> shown(List<EntryRecord> entries, boolean group) {
        return group ? entries : entries.stream().filter(EntryRecord::isMessage).toList();
    }
}
