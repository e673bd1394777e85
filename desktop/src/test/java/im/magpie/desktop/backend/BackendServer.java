package im.magpie.desktop.backend;

import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.login.FingerprintQuestion;
import im.magpie.server.TestServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server of a backend IT class, in-process ({@link TestServerExtension}), with the accounts the class names
 * (password {@code secret-ACCOUNT}); and desktop backends on it, each over the data folder {@code ACCOUNT} in a
 * folder that lives as long as the server ({@link #work()}, also for the test's own files).
 */
final class BackendServer implements BeforeAllCallback, AfterAllCallback {
    static final FingerprintQuestion TRUST = (s, f) -> CompletableFuture.completedFuture(true);
    static final long SECONDS = 20;

    private final TestServerExtension server = new TestServerExtension();
    private final List<String> accounts;
    private @Nullable Path work;

    BackendServer(String... accounts) {
        this.accounts = List.of(accounts);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server.beforeAll(context);
        work = Files.createTempDirectory("magpie-backend-it");
        for (String a : accounts) {
            server.createUser(a);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.afterAll(context);
        try (Stream<Path> files = Files.walk(work())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A folder for the test's files and the backends' data folders. */
    Path work() {
        return Objects.requireNonNull(work, "the server has not started");
    }

    /** The discovery address clients log in with. */
    String address() {
        return "127.0.0.1:" + server.server().ports().discovery();
    }

    /** A backend logged in as {@code account}, over a new data folder. */
    ClientBackend login(String account) throws Exception {
        return login(account, ReceiveSettings.defaults(work()));
    }

    /** A backend logged in as {@code account}, over a new data folder, saving files as {@code receive} says. */
    ClientBackend login(String account, ReceiveSettings receive) throws Exception {
        ClientBackend b = new ClientBackend(Files.createDirectory(work().resolve(account)), null, account, receive);
        return started(b, b.login(address(), account, TestServerExtension.password(account), TRUST));
    }

    /** The backend of {@code account} started again over its data folder, the stored session resumed. */
    ClientBackend resume(String account) throws Exception {
        return resume(account, ReceiveSettings.defaults(work()));
    }

    /** The same, saving files as {@code receive} says. */
    ClientBackend resume(String account, ReceiveSettings receive) throws Exception {
        ClientBackend b = new ClientBackend(work().resolve(account), null, account, receive);
        return started(b, b.resume());
    }

    /** {@code b} once {@code start} completed; closed when it did not. */
    private static ClientBackend started(ClientBackend b, CompletableFuture<?> start) throws Exception {
        boolean up = false;
        try {
            start.get(SECONDS, TimeUnit.SECONDS);
            up = true;
            return b;
        } finally {
            if (!up) {
                b.close();
            }
        }
    }
}
