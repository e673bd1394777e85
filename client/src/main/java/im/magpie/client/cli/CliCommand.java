package im.magpie.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the subcommands: the global options and the output streams. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    MagpieCli cli() {
        CommandSpec s = spec;
        if (s == null || !(s.root().userObject() instanceof MagpieCli root)) {
            throw new IllegalStateException("subcommand used without the magpie command");
        }
        return root;
    }

    PrintWriter out() {
        CommandSpec s = spec;
        return s == null
                ? new PrintWriter(
                        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true)
                : s.commandLine().getOut();
    }

    PrintWriter err() {
        CommandSpec s = spec;
        return s == null
                ? new PrintWriter(
                        new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true)
                : s.commandLine().getErr();
    }

    /** Opens the client and resumes the remembered session, synced. */
    CliSession connected() throws Exception {
        CliSession session = CliSession.open(cli(), err());
        try {
            return session.connect();
        } catch (CliException e) {
            session.close();
            throw e;
        }
    }
}
