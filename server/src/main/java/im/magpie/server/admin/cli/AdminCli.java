package im.magpie.server.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code magpie-admin [--data-dir DIR] COMMAND}: administers the server that runs on a data directory.
 * Exit codes: 0 success, 1 the server refused (unknown account, conflict…), 2 usage, 3 server not running.
 */
@Command(
        name = "magpie-admin",
        mixinStandardHelpOptions = true,
        version = "0.1.0",
        subcommands = {AdminCli.User.class, AdminCli.Group.class, AdminCli.Device.class},
        description =
                "Administers a running Magpie server (reads <data-dir>/admin.token and trusts <data-dir>/tls/ca.pem).")
public final class AdminCli {
    @Option(names = "--data-dir", defaultValue = "data", description = "the server's data directory (default ./data)")
    Path dataDir = Path.of("data");

    @Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AdminCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof AdminClientException failure) {
                line.getErr().println("magpie-admin: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return cli.execute(args);
    }

    AdminClient client() throws AdminClientException {
        return AdminClient.forDataDir(dataDir);
    }

    PrintWriter out() {
        return spec == null
                ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
                : spec.commandLine().getOut();
    }

    @Command(name = "kick", description = "Revokes the sessions of a user (or one device) and disconnects it.")
    int kick(
            @Parameters(paramLabel = "ACCOUNT") String account,
            @Option(names = "--device", paramLabel = "ID") @Nullable String device)
            throws AdminClientException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", account);
        body.put("device", device);
        JsonNode result = client().post("/admin/v1/kick", body);
        out().printf(
                        "closed %d connection(s), revoked %d session(s)%n",
                        result.path("connectionsClosed").asInt(),
                        result.path("sessionsRevoked").asInt());
        return 0;
    }

    @Command(name = "online", description = "Lists connected devices.")
    int online() throws AdminClientException {
        List<Integer> widths = List.of(8, 38, 10, 40);
        out().println(Columns.row(widths, List.of("USER", "DEVICE", "PLATFORM", "ADDRESS", "SINCE")));
        for (JsonNode d : client().get("/admin/v1/online")) {
            out().println(Columns.row(
                    widths,
                    List.of(
                            String.valueOf(d.path("userId").asLong()),
                            d.path("device").asText(),
                            d.path("platform").asText(),
                            d.path("address").asText(),
                            java.time.Instant.ofEpochMilli(d.path("sinceMs").asLong())
                                    .toString())));
        }
        return 0;
    }

    @Command(name = "devices", description = "Lists the devices that ever logged in to an account.")
    int devices(@Parameters(paramLabel = "ACCOUNT") String account) throws AdminClientException {
        List<Integer> widths = List.of(38, 24, 10, 26);
        out().println(Columns.row(widths, List.of("DEVICE", "NAME", "PLATFORM", "LAST SEEN", "WIPE")));
        for (JsonNode d : client().get("/admin/v1/users/" + account + "/devices")) {
            out().println(Columns.row(
                    widths,
                    List.of(
                            d.path("device").asText(),
                            d.path("name").asText(),
                            d.path("platform").asText(),
                            java.time.Instant.ofEpochMilli(d.path("lastSeenMs").asLong())
                                    .toString(),
                            d.path("wipe").asText())));
        }
        return 0;
    }

    /** {@code device list|wipe}. */
    @Command(name = "device", description = "Lists the devices of an account; orders a lost device to wipe itself.")
    static final class Device {
        @CommandLine.ParentCommand
        @Nullable
        AdminCli parent;

        @Command(name = "list", description = "Lists the devices that ever logged in to an account.")
        int list(@Parameters(paramLabel = "ACCOUNT") String account) throws AdminClientException {
            return root().devices(account);
        }

        @Command(
                name = "wipe",
                description = "Orders a device (default: every device of the account) to delete its local data"
                        + " and revokes its session. A device offline now gets the order when it next connects.")
        int wipe(
                @Parameters(paramLabel = "ACCOUNT") String account,
                @Option(names = "--device", paramLabel = "ID") @Nullable String device)
                throws AdminClientException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("account", account);
            body.put("device", device);
            JsonNode result = root().client().post("/admin/v1/wipe", body);
            for (JsonNode order : result.path("orders")) {
                root().out()
                        .printf(
                                "%s %s%n",
                                order.path("device").asText(),
                                order.path("state").asText().equals("delivered")
                                        ? "order delivered"
                                        : "order pending: delivered when the device next connects");
            }
            root().out()
                    .printf(
                            "ordered %d device(s) to wipe%n",
                            result.path("orders").size());
            return 0;
        }

        private AdminCli root() {
            if (parent == null) {
                throw new IllegalStateException("device command without parent");
            }
            return parent;
        }
    }

    /** {@code user create|list|disable|enable|reset-password}. */
    @Command(name = "user", description = "Creates, lists, disables and enables users; resets passwords.")
    static final class User {
        @CommandLine.ParentCommand
        @Nullable
        AdminCli parent;

        @Command(name = "create", description = "Creates a user.")
        int create(
                @Parameters(paramLabel = "ACCOUNT") String account,
                @Option(names = "--name", required = true, paramLabel = "NAME") String name,
                @CommandLine.ArgGroup @Nullable PasswordSource password)
                throws AdminClientException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("account", account);
            body.put("displayName", name);
            body.put("password", PasswordSource.read(password));
            JsonNode user = root().client().post("/admin/v1/users", body);
            root().out()
                    .printf(
                            "created user %s (id %d)%n",
                            user.path("account").asText(), user.path("userId").asLong());
            return 0;
        }

        @Command(name = "list", description = "Lists users.")
        int list() throws AdminClientException {
            List<Integer> widths = List.of(8, 24, 24);
            root().out().println(Columns.row(widths, List.of("ID", "ACCOUNT", "NAME", "STATE")));
            for (JsonNode u : root().client().get("/admin/v1/users")) {
                root().out()
                        .println(Columns.row(
                                widths,
                                List.of(
                                        String.valueOf(u.path("userId").asLong()),
                                        u.path("account").asText(),
                                        u.path("displayName").asText(),
                                        u.path("disabled").asBoolean() ? "disabled" : "enabled")));
            }
            return 0;
        }

        @Command(name = "disable", description = "Disables a user, revokes its sessions and disconnects its devices.")
        int disable(@Parameters(paramLabel = "ACCOUNT") String account) throws AdminClientException {
            root().client().post("/admin/v1/users/" + account + "/disable", null);
            root().out().println("disabled " + account);
            return 0;
        }

        @Command(name = "enable", description = "Enables a user again.")
        int enable(@Parameters(paramLabel = "ACCOUNT") String account) throws AdminClientException {
            root().client().post("/admin/v1/users/" + account + "/enable", null);
            root().out().println("enabled " + account);
            return 0;
        }

        @Command(name = "reset-password", description = "Sets a new password.")
        int resetPassword(
                @Parameters(paramLabel = "ACCOUNT") String account,
                @CommandLine.ArgGroup @Nullable PasswordSource password)
                throws AdminClientException {
            root().client()
                    .post(
                            "/admin/v1/users/" + account + "/password",
                            Map.of("password", PasswordSource.read(password)));
            root().out().println("password of " + account + " reset");
            return 0;
        }

        private AdminCli root() {
            if (parent == null) {
                throw new IllegalStateException("user command without parent");
            }
            return parent;
        }
    }

    /** {@code group create}. */
    @Command(name = "group", description = "Creates groups.")
    static final class Group {
        @CommandLine.ParentCommand
        @Nullable
        AdminCli parent;

        @Command(name = "create", description = "Creates a group owned by an account.")
        int create(
                @Option(names = "--owner", required = true, paramLabel = "ACCOUNT") String owner,
                @Option(names = "--title", required = true, paramLabel = "TITLE") String title,
                @Option(names = "--members", split = ",", paramLabel = "ACCOUNT,...") @Nullable List<String> members)
                throws AdminClientException {
            if (parent == null) {
                throw new IllegalStateException("group command without parent");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("owner", owner);
            body.put("title", title);
            body.put("members", members == null ? List.of() : members);
            JsonNode group = parent.client().post("/admin/v1/groups", body);
            parent.out()
                    .printf(
                            "created group %d \"%s\" with %d member(s)%n",
                            group.path("conversationId").asLong(),
                            group.path("title").asText(),
                            group.path("memberUserIds").size());
            return 0;
        }
    }

    /** Where a new password comes from: a file, stdin, else the console or MAGPIE_PASSWORD. */
    static final class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from FILE")
        @Nullable
        Path file;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
        boolean stdin;

        static String read(@Nullable PasswordSource source) throws AdminClientException {
            try {
                String password;
                if (source != null && source.file != null) {
                    password = Files.readString(source.file, StandardCharsets.UTF_8)
                            .strip();
                } else if (source != null && source.stdin) {
                    byte[] line = System.in.readNBytes(4096);
                    password = new String(line, StandardCharsets.UTF_8)
                            .lines()
                            .findFirst()
                            .orElse("");
                } else {
                    password = fromConsoleOrEnvironment();
                }
                if (password.isEmpty()) {
                    throw new AdminClientException("the password is empty", 2);
                }
                return password;
            } catch (IOException e) {
                throw new AdminClientException("cannot read the password: " + e.getMessage(), 2);
            }
        }

        // On JDK 17 (our target) System.console() is null without a terminal, which is exactly what we test.
        @SuppressWarnings("SystemConsoleNull")
        private static String fromConsoleOrEnvironment() throws AdminClientException {
            String env = System.getenv("MAGPIE_PASSWORD");
            if (env != null) {
                return env;
            }
            Console console = System.console();
            if (console == null) {
                throw new AdminClientException(
                        "no password: use --password-file, --password-stdin or MAGPIE_PASSWORD", 2);
            }
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Repeat password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new AdminClientException("the passwords differ", 2);
            }
            return new String(first);
        }
    }
}
