package im.magpie.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recall", description = "Recall one of your messages (within the recall window).")
final class RecallCommand extends CliCommand {
    @Option(names = "--conversation", required = true, paramLabel = "ID")
    long conversation;

    @Option(names = "--seq", required = true, paramLabel = "N")
    long seq;

    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            session.await(session.client().recall(conversation, seq));
            out().println("recalled " + conversation + "#" + seq);
            return 0;
        }
    }
}
