package im.magpie.client.cli;

import picocli.CommandLine.Command;

@Command(name = "logout", description = "End the session on the server and forget it here.")
final class LogoutCommand extends CliCommand {
    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            session.await(session.client().logout());
            out().println("logged out");
            return 0;
        }
    }
}
