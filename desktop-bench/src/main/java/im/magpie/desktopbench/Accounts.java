package im.magpie.desktopbench;

import im.magpie.client.ClientOptions;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SystemMachineIdentity;
import im.magpie.server.admin.cli.AdminCli;
import im.magpie.testsupport.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Users on the benchmark's server and client data directories for them. */
final class Accounts {
    static final long WAIT_S = 180;

    private Accounts() {}

    /** Creates the user with the real admin command line; the password is {@code secret-<account>}. */
    static void create(ServerProcess server, String account, String name) throws IOException {
        Path passwordFile = Files.createTempFile("pw", ".txt");
        try {
            Files.writeString(passwordFile, password(account), StandardCharsets.UTF_8);
            int exit = AdminCli.run(
                    "--data-dir",
                    server.dataDir().toString(),
                    "user",
                    "create",
                    account,
                    "--name",
                    name,
                    "--password-file",
                    passwordFile.toString());
            if (exit != 0) {
                throw new IOException("magpie-admin user create " + account + " exited " + exit);
            }
        } finally {
            Files.delete(passwordFile);
        }
    }

    static String password(String account) {
        return "secret-" + account;
    }

    /** A client library instance on {@code dataDir}, logged in as {@code account} (trusting the server on first use). */
    static MagpieClient login(ServerProcess server, Path dataDir, String account) throws Exception {
        // a long request timeout: the benchmark shares the machine with the server it loads
        ClientOptions options = new ClientOptions(
                "magpie-desktop-bench/0.1",
                "desktop",
                (s, fp) -> true,
                null,
                new SystemMachineIdentity(),
                Clock.systemUTC(),
                Duration.ofMinutes(2));
        MagpieClient c = MagpieClient.open(dataDir, server.discoveryAddress(), options);
        c.login(account, password(account), "bench " + dataDir.getFileName()).get(WAIT_S, TimeUnit.SECONDS);
        return c;
    }

    /** Opens the local store of the (closed) client on {@code dataDir} directly, as this machine's user. */
    static LocalStore store(Path dataDir) throws IOException {
        Path db;
        try (Stream<Path> files = Files.walk(dataDir)) {
            db = files.filter(p -> p.getFileName().toString().endsWith(".db"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no local database below " + dataDir));
        }
        try {
            return LocalStore.open(db, new DeviceKeyProtector(new SystemMachineIdentity(), new SecureRandom()));
        } catch (im.magpie.client.store.DeviceMismatchException e) {
            throw new IOException(e);
        }
    }
}
