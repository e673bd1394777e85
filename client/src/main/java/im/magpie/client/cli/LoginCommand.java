package im.magpie.client.cli;

import im.magpie.protocol.v1.LoginResponse;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "login",
        description = "Log in with a password (from --password-file, --password-stdin, $MAGPIE_PASSWORD or a prompt).")
final class LoginCommand extends CliCommand {
    private static final int MAX_PASSWORD_CHARS = 1024;

    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account = "";

    @ArgGroup(exclusive = true)
    @Nullable
    PasswordSource source;

    static final class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE")
        @Nullable
        Path file;

        @Option(names = "--password-stdin")
        boolean stdin;
    }

    @Override
    public Integer call() throws Exception {
        try (CliSession session = CliSession.open(cli(), err())) {
            if (session.client().serverAddress().isEmpty()) {
                throw new CliException("login needs --server HOST[:PORT] (remembered afterwards)", 2);
            }
            String password = password();
            LoginResponse r = session.await(session.client().login(account, password, CliSession.deviceName()));
            session.await(session.client().sync(), java.time.Duration.ofMinutes(2));
            out().println("Logged in as " + r.getAccount() + " (user " + r.getUserId() + ") on "
                    + session.client().serverAddress());
            return 0;
        }
    }

    private String password() throws Exception {
        PasswordSource s = source;
        if (s != null && s.file != null) {
            return firstLine(Files.readString(s.file, StandardCharsets.UTF_8));
        }
        if (s != null && s.stdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return firstLine(line == null ? "" : line);
        }
        String env = System.getenv("MAGPIE_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        // System.console() is null when stdin/stdout are not a terminal (JDK 17); then there is nobody to prompt.
        @SuppressWarnings("SystemConsoleNull")
        Console console = System.console();
        if (console == null) {
            throw new CliException("no password: use --password-file, --password-stdin or MAGPIE_PASSWORD", 2);
        }
        char[] typed = console.readPassword("Password for %s: ", account);
        return firstLine(typed == null ? "" : new String(typed));
    }

    private static String firstLine(String text) throws CliException {
        String line = text.lines().findFirst().orElse("");
        if (line.isEmpty() || line.length() > MAX_PASSWORD_CHARS) {
            throw new CliException("the password is empty or longer than " + MAX_PASSWORD_CHARS + " characters", 2);
        }
        return line;
    }
}
