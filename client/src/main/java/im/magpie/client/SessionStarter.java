package im.magpie.client;

import im.magpie.client.net.Discovery;
import im.magpie.client.net.ServerAddress;
import im.magpie.client.store.AccountFiles;
import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.DeviceMismatchException;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SettingsTable;
import im.magpie.client.store.UserRecord;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.PasswordCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts sessions for {@link MagpieClient}: opens the account's encrypted store ({@code <dataDir>/<server>/<account>.db}),
 * logs in (password or stored token) and keeps {@code client.json} up to date.
 */
final class SessionStarter {
    private final Path dataDir;
    private final ClientRuntime rt;
    private final HttpClient plainHttp;
    private volatile ClientConfig config;

    SessionStarter(Path dataDir, ClientRuntime rt, ClientConfig config) {
        this.dataDir = dataDir;
        this.rt = rt;
        this.config = config;
        this.plainHttp = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(rt.io())
                .build();
    }

    ClientConfig config() {
        return config;
    }

    /** Password login; the future holds the started session and the server's login reply. */
    CompletableFuture<Started> login(String account, String password, String deviceName) {
        ServerConnector connector;
        try {
            connector = connector();
        } catch (NotLoggedInException e) {
            return CompletableFuture.failedFuture(e);
        }
        AccountFiles files = accountFiles(account);
        return CompletableFuture.supplyAsync(() -> openStore(files), rt.io()).thenCompose(store -> {
            LoginRequest login = LoginRequest.newBuilder()
                    .setPassword(
                            PasswordCredential.newBuilder().setAccount(account).setPassword(password))
                    .setDeviceId(store.settings().get(SettingsTable.DEVICE_ID).orElse(""))
                    .setDeviceName(deviceName)
                    .setPlatform(rt.options().platform())
                    .build();
            ClientSession s = new ClientSession(rt, store, connector, deviceName, files, this::forgetAccount);
            return connector.connect(login, s).handle((connected, error) -> {
                DeviceWipedException wiped = s.wiped();
                if (wiped != null) {
                    throw new CompletionException(wiped);
                }
                if (error != null) {
                    store.close();
                    throw error instanceof CompletionException ce ? ce : new CompletionException(error);
                }
                LoginResponse r = connected.login();
                store.settings().put(SettingsTable.SESSION_TOKEN, r.getToken());
                store.settings().put(SettingsTable.DEVICE_ID, r.getDeviceId());
                store.settings().put(SettingsTable.USER_ID, Long.toString(r.getUserId()));
                store.settings().put(SettingsTable.ACCOUNT, r.getAccount());
                store.settings().put(SettingsTable.SERVER_ADDRESS, config.server());
                store.settings().put(SettingsTable.PINNED_FINGERPRINT, config.fingerprint());
                store.users().upsert(new UserRecord(r.getUserId(), r.getAccount(), r.getDisplayName()));
                updateConfig(config.withAccount(account));
                s.start(connected);
                return new Started(s, r);
            });
        });
    }

    /** Token resume of the remembered account; the session is started but may still be connecting. */
    CompletableFuture<ClientSession> resume(String deviceName) {
        String account = config.account();
        if (account.isEmpty()) {
            return CompletableFuture.failedFuture(new NotLoggedInException("not logged in: run login first"));
        }
        if (config.loggedOut()) {
            return CompletableFuture.failedFuture(
                    new NotLoggedInException("not logged in: " + account + " logged out on this device, log in again"));
        }
        ServerConnector connector;
        try {
            connector = connector();
        } catch (NotLoggedInException e) {
            return CompletableFuture.failedFuture(e);
        }
        AccountFiles files = accountFiles(account);
        return CompletableFuture.supplyAsync(() -> openStore(files), rt.io()).thenApply(store -> {
            if (store.settings().get(SettingsTable.SESSION_TOKEN).orElse("").isEmpty()) {
                store.close();
                throw new CompletionException(new NotLoggedInException("the session ended: log in again", true));
            }
            ClientSession s = new ClientSession(rt, store, connector, deviceName, files, this::forgetAccount);
            s.start(null);
            return s;
        });
    }

    /** Whether an account is remembered and was not logged out, so {@link #resume} is worth trying. */
    boolean hasSession() {
        ClientConfig c = config;
        return !c.account().isEmpty() && !c.loggedOut();
    }

    /** The user logged out: keep the account for the login window, but resume it no more. */
    void loggedOut() {
        updateConfig(config.withLoggedOut());
    }

    /** Forgets the account (remove local data, remote wipe). */
    void forgetAccount() {
        updateConfig(config.withAccount(""));
    }

    private ServerConnector connector() throws NotLoggedInException {
        if (config.server().isEmpty()) {
            throw new NotLoggedInException("no server given: use --server HOST[:PORT]");
        }
        return new ServerConnector(
                ServerAddress.parse(config.server()),
                new Discovery(plainHttp, rt.json()),
                rt.options(),
                () -> config.fingerprint(),
                fp -> updateConfig(config.withFingerprint(fp)),
                rt.group(),
                rt.callbacks(),
                rt.io());
    }

    private synchronized void updateConfig(ClientConfig updated) {
        config = updated;
        try {
            updated.write(dataDir, rt.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of {@code account} on the current server: {@code <dataDir>/<server>/<account>.db} and beside it. */
    AccountFiles accountFiles(String account) {
        return new AccountFiles(dataDir.resolve(safe(config.server())).resolve(safe(account) + ".db"));
    }

    private LocalStore openStore(AccountFiles files) {
        Path file = files.database();
        try {
            return LocalStore.open(file, new DeviceKeyProtector(rt.options().machine(), new SecureRandom()));
        } catch (IOException | DeviceMismatchException e) {
            throw new CompletionException(e);
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    /** A freshly logged-in session. */
    record Started(ClientSession session, LoginResponse login) {}
}
