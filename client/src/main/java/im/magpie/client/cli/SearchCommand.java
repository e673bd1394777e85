package im.magpie.client.cli;

import im.magpie.client.store.EntryRecord;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Search the messages stored on this device.")
final class SearchCommand extends CliCommand {
    @Parameters(paramLabel = "QUERY")
    String query = "";

    @Option(names = "--limit", paramLabel = "N")
    int limit = 50;

    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            EntryFormatter f = new EntryFormatter(ZoneId.systemDefault(), session::account);
            for (EntryRecord e : session.client().search(query, Math.max(1, Math.min(limit, 1000)))) {
                out().println(f.format(e));
            }
            return 0;
        }
    }
}
