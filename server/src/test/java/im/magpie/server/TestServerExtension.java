package im.magpie.server;

import im.magpie.server.account.Account;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.PasswordHasher;
import im.magpie.server.config.AdminConfig;
import im.magpie.server.config.DatabaseConfig;
import im.magpie.server.config.LimitsConfig;
import im.magpie.server.config.PasswordHashingConfig;
import im.magpie.server.config.PortsConfig;
import im.magpie.server.config.ServerConfig;
import im.magpie.server.config.TlsConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real {@link MagpieServer} in-process once per test class: every port 0, a fresh temporary
 * data directory, embedded PostgreSQL, generated TLS. Register it with
 * {@code @RegisterExtension static final TestServerExtension server = new TestServerExtension();}.
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {
    /** Cheap Argon2 parameters: tests create many accounts. */
    private static final PasswordHasher.Params CHEAP_HASHING = new PasswordHasher.Params(64, 1, 1);

    private @Nullable MagpieServer server;
    private @Nullable Path dataDir;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, ServerStartException {
        dataDir = Files.createTempDirectory("magpie-it-");
        ServerConfig config = new ServerConfig(
                "127.0.0.1",
                null,
                dataDir,
                PortsConfig.ephemeral(),
                new TlsConfig(null, null),
                DatabaseConfig.defaults(),
                LimitsConfig.defaults(),
                PasswordHashingConfig.defaults(),
                new AdminConfig("127.0.0.1"));
        server = MagpieServer.start(config, ServerComponents.core(s -> s.withPasswordHashing(CHEAP_HASHING)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    public MagpieServer server() {
        return Objects.requireNonNull(server, "server not started");
    }

    public Path dataDir() {
        return Objects.requireNonNull(dataDir, "server not started");
    }

    /** Creates a user directly through the core (password is {@code secret-<account>}). */
    public Account createUser(String account) throws AccountExistsException {
        return server().core()
                .accounts()
                .create(account, account.toUpperCase(java.util.Locale.ROOT), password(account));
    }

    public static String password(String account) {
        return "secret-" + account;
    }

    /** A new gateway connection (TLS done, no Hello yet). */
    public TestDevice device() throws IOException {
        return TestDevice.connect(server().ports().gateway(), server().tls().trustAnchor());
    }

    /** A new device logged in as {@code account}. */
    public TestDevice loggedIn(String account) throws IOException {
        TestDevice device = device();
        device.login(account, password(account));
        return device;
    }

    /** An HTTP client that trusts only the server's CA. */
    public HttpClient httpClient() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", server().tls().trustAnchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(TestDevice.TIMEOUT)
                .build();
    }

    public String apiUrl(String path) {
        return "https://127.0.0.1:" + server().ports().api() + path;
    }
}
