package im.magpie.systemtests;

import static im.magpie.systemtests.Clients.await;
import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.ClientListener;
import im.magpie.client.ClientOptions;
import im.magpie.client.DeviceWipedException;
import im.magpie.client.MagpieClient;
import im.magpie.server.TestServerExtension;
import im.magpie.server.admin.cli.AdminCli;
import im.magpie.testsupport.AcmePerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote wipe (S4) end to end: {@code magpie-admin device wipe} against the real server, the real client library
 * deleting its encrypted store, device key and cache, for a connected device and for one that was offline.
 */
@Tag("integration")
class RemoteWipeIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path clientsRoot;

    static Clients clients;

    @BeforeAll
    static void people() throws Exception {
        for (AcmePerson person : List.of(ALICE, BOB)) {
            server.server().core().accounts().create(person.account(), person.displayName(), person.password());
        }
        clients = new Clients(clientsRoot, address());
    }

    @AfterAll
    static void closeClients() {
        clients.close();
    }

    @Test
    void aConnectedLaptopWipesItselfAndThePhoneKeepsWorking() throws Exception {
        MagpieClient laptop = clients.loggedIn(ALICE.account(), ALICE.password(), "laptop");
        MagpieClient phone = clients.loggedIn(ALICE.account(), ALICE.password(), "phone");
        CompletableFuture<DeviceWipedException> wiped = wipedEvent(laptop);
        long self = await(laptop.openSelf()).id();
        laptop.sendText(self, "the laptop's secret", List.of());
        assertThat(laptop.awaitFlushed(Clients.WAIT)).isTrue();
        Path cached = Files.createDirectories(laptop.cacheDir()).resolve("report.pdf");
        Files.writeString(cached, "downloaded");
        Path dir = clients.dirOf(laptop);
        assertThat(accountFiles(dir)).isNotEmpty();

        assertThat(admin("device", "wipe", ALICE.account(), "--device", laptop.deviceId()))
                .isZero();

        assertThat(wiped.get(20, TimeUnit.SECONDS).orderedAtMs()).isPositive();
        assertThat(accountFiles(dir)).isEmpty();
        assertThat(Files.exists(cached)).isFalse();
        assertThat(laptop.rememberedAccount()).isEmpty();
        // The other device of the same account is not touched.
        await(phone.sync());
        assertThat(Clients.texts(phone, self)).contains("the laptop's secret");
    }

    @Test
    void anOfflineDeviceWipesItselfWhenItComesBack() throws Exception {
        MagpieClient desktop = clients.loggedIn(BOB.account(), BOB.password(), "desktop");
        Path dir = clients.dirOf(desktop);
        desktop.close();
        assertThat(accountFiles(dir)).isNotEmpty();

        assertThat(admin("device", "wipe", BOB.account())).isZero();

        try (MagpieClient again = MagpieClient.open(
                dir, address(), ClientOptions.defaults("magpie-system-tests/0.1.0", "test", (a, f) -> true))) {
            CompletableFuture<DeviceWipedException> wiped = wipedEvent(again);
            CompletableFuture<Void> resumed = again.resume("desktop");
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> resumed.get(20, TimeUnit.SECONDS));
            assertThat(failure).hasCauseInstanceOf(DeviceWipedException.class);
            wiped.get(20, TimeUnit.SECONDS);
            assertThat(accountFiles(dir)).isEmpty();
            assertThat(again.rememberedAccount()).isEmpty();

            // Signing in again works, as a new device.
            await(again.login(BOB.account(), BOB.password(), "desktop"));
            assertThat(accountFiles(dir)).isNotEmpty();
        }
    }

    private static CompletableFuture<DeviceWipedException> wipedEvent(MagpieClient client) {
        CompletableFuture<DeviceWipedException> wiped = new CompletableFuture<>();
        client.addListener(new ClientListener() {
            @Override
            public void onDeviceWiped(DeviceWipedException wipe, @Nullable Exception error) {
                if (error == null) {
                    wiped.complete(wipe);
                } else {
                    wiped.completeExceptionally(error);
                }
            }
        });
        return wiped;
    }

    /** The account databases, key files and caches below a client data directory. */
    private static List<Path> accountFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".db")
                                || name.contains(".db.")
                                || name.endsWith(".cache")
                                || name.contains(".db-");
                    })
                    .toList();
        }
    }

    private static int admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = server.dataDir().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminCli.run(all);
    }

    private static String address() {
        return "127.0.0.1:" + server.server().ports().discovery();
    }
}
