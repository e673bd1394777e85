package im.magpie.client.cli;

import im.magpie.client.store.ConversationRecord;
import picocli.CommandLine.Command;

@Command(name = "conversations", description = "List your conversations.")
final class ConversationsCommand extends CliCommand {
    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            long self = session.client().userId();
            for (ConversationRecord c : session.client().conversations()) {
                String label = EntryFormatter.label(c, self, session::account);
                out().printf(
                                "%-8d %-6s %-30s members=%d last=#%d%s%n",
                                c.id(),
                                c.kind().toLowerCase(java.util.Locale.ROOT),
                                label,
                                c.members().size(),
                                c.lastSeq(),
                                c.active() ? "" : " (left)");
            }
            return 0;
        }
    }
}
