package im.magpie.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "signature",
        description = "Set your signature (status line) that colleagues see on your contact card; \"\" clears it.")
final class SignatureCommand extends CliCommand {
    @Parameters(index = "0", description = "at most 100 characters on one line")
    String text = "";

    @Override
    public Integer call() throws Exception {
        try (CliSession session = connected()) {
            session.await(session.client().setSignature(text));
            out().println("signature set");
            return 0;
        }
    }
}
