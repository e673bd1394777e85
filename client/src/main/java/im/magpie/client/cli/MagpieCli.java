package im.magpie.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code magpie}: the command-line client. Every command opens the local store, resumes the remembered session,
 * syncs, acts, waits for the outbox, prints, and exits 0; failures print one line on stderr and exit non-zero
 * (1 = failed, 2 = usage, 3 = queued but not yet acknowledged).
 */
@Command(
        name = "magpie",
        mixinStandardHelpOptions = true,
        version = "magpie-cli 0.1.0",
        description = "Magpie command-line client.",
        subcommands = {
            LoginCommand.class,
            SendCommand.class,
            ConversationsCommand.class,
            HistoryCommand.class,
            WatchCommand.class,
            SearchCommand.class,
            GroupCommand.class,
            RecallCommand.class,
            DownloadCommand.class,
            LogoutCommand.class,
            SignatureCommand.class
        })
public final class MagpieCli implements Runnable {
    static final String AGENT = "magpie-cli/0.1.0";

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--server",
            paramLabel = "HOST[:PORT]",
            description = "Server discovery address (default port 7080); remembered after login.")
    @Nullable
    String server;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Client data directory (default: ~/.magpie).")
    @Nullable
    Path dataDir;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for the server before giving up (default 30).")
    int connectTimeoutSeconds = 30;

    @Option(
            names = "--fingerprint",
            paramLabel = "HEX",
            description = "Require this SHA-256 certificate fingerprint on first contact.")
    @Nullable
    String fingerprint;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "im/magpie/client/cli/logback-cli.xml");
        }
        System.exit(run(
                args,
                new PrintWriter(
                        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(
                        new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true)));
    }

    /** Runs one command line with the given streams; returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MagpieCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("magpie: " + ErrorMessages.describe(ex));
            cmd.getErr().flush();
            return ex instanceof CliException c ? c.exitCode() : 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        CommandSpec s = spec;
        if (s != null) {
            throw new CommandLine.ParameterException(s.commandLine(), "a command is required");
        }
    }

    Path dataDir() {
        Path d = dataDir;
        return d != null ? d : Path.of(System.getProperty("user.home"), ".magpie");
    }
}
