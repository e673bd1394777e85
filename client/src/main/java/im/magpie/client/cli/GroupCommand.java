package im.magpie.client.cli;

import im.magpie.client.store.ConversationRecord;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "group", description = "Manage groups.", subcommands = GroupCommand.Create.class)
final class GroupCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("use: magpie group create --title T --members a,b");
    }

    @Command(name = "create", description = "Create a group with you as owner.")
    static final class Create extends CliCommand {
        @Option(names = "--title", required = true, paramLabel = "T")
        String title = "";

        @Option(names = "--members", split = ",", paramLabel = "a,b")
        List<String> members = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            try (CliSession session = connected()) {
                ConversationRecord c = session.await(session.client().createGroup(title, members));
                out().println("created group " + c.id() + " \"" + c.title() + "\" with "
                        + c.members().size() + " members");
                return 0;
            }
        }
    }
}
