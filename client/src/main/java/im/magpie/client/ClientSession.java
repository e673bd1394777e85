package im.magpie.client;

import com.google.protobuf.ByteString;
import im.magpie.client.net.ApiClient;
import im.magpie.client.net.Backoff;
import im.magpie.client.net.ConnectionClosedException;
import im.magpie.client.net.GatewayConnection;
import im.magpie.client.net.PushListener;
import im.magpie.client.net.Reconnector;
import im.magpie.client.people.PeopleDirectory;
import im.magpie.client.store.AccountFiles;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SettingsTable;
import im.magpie.client.sync.Outbox;
import im.magpie.client.sync.OutboxListener;
import im.magpie.client.sync.SyncEngine;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Kicked;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.PresenceUpdate;
import im.magpie.protocol.v1.RemoteWipe;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.protocol.v1.UserPresence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in account: its store, the reconnecting connection, sync and outbox. Built by {@link MagpieClient} after
 * a password login or to resume with the stored token.
 */
final class ClientSession implements PushListener, Reconnector.Listener, OutboxListener, AutoCloseable {
    /** Safety-net sync period. */
    static final Duration PERIODIC_SYNC = Duration.ofSeconds(60);
    /**
     * Pushed messages are committed at most this often: under a stream of pushes each waits up to this long and they
     * share one transaction (a commit cost about 1.4 ms of CPU, docs/performance.md "Round 8, arriving messages"); a
     * push after a quiet spell is stored at once.
     */
    static final Duration PUSH_COMMIT_SPACING = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final ClientRuntime rt;
    private final LocalStore store;
    private final ServerConnector connector;
    private final String deviceName;
    private final AccountFiles files;
    private final Runnable forgetAccount;
    private final Reconnector reconnector;
    private final SyncEngine sync;
    private final Outbox outbox;
    private final PeopleDirectory people;
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile ServerConnector.@Nullable Discovered discovered;
    private volatile @Nullable Throwable lastError;
    private volatile @Nullable ScheduledFuture<?> periodic;
    private final PresenceWatches presence = new PresenceWatches(this::sendPresence);
    private volatile @Nullable DeviceWipedException wiped;

    /**
     * @param files where the account's data lives on this device (deleted on remote wipe)
     * @param forgetAccount makes the data directory forget the account (after a remote wipe)
     */
    ClientSession(
            ClientRuntime rt,
            LocalStore store,
            ServerConnector connector,
            String deviceName,
            AccountFiles files,
            Runnable forgetAccount) {
        this.rt = rt;
        this.store = store;
        this.connector = connector;
        this.deviceName = deviceName;
        this.files = files;
        this.forgetAccount = forgetAccount;
        this.people = new PeopleDirectory(store.people());
        Backoff backoff =
                new Backoff(Backoff.DEFAULT_INITIAL, Backoff.DEFAULT_CAP, ThreadLocalRandom.current()::nextDouble);
        this.reconnector = new Reconnector(this::resumeConnection, backoff, rt.callbacks(), this);
        this.sync = new SyncEngine(store, this::fetchSync, rt.callbacks(), PUSH_COMMIT_SPACING, batch -> {
            rt.listeners().onEntries(batch.entries());
            rt.listeners().onConversationsChanged(batch.states());
        });
        this.outbox = new Outbox(
                store,
                req -> request(Envelope.newBuilder().setSendMessage(req), Envelope.BodyCase.SEND_MESSAGE_RESULT)
                        .thenApply(Envelope::getSendMessageResult),
                rt.callbacks(),
                rt.options().clock(),
                backoff,
                this);
    }

    /** Starts keeping the session up; {@code established} is the connection of a fresh password login. */
    void start(ServerConnector.@Nullable Connected established) {
        if (established != null) {
            discovered = established.discovered();
        }
        reconnector.start(established == null ? null : established.connection());
        periodic = rt.callbacks()
                .scheduleWithFixedDelay(
                        () -> {
                            if (state == ConnectionState.ONLINE) {
                                var ignored = sync.sync();
                            }
                        },
                        PERIODIC_SYNC.toMillis(),
                        PERIODIC_SYNC.toMillis(),
                        TimeUnit.MILLISECONDS);
        outbox.kick();
    }

    LocalStore store() {
        return store;
    }

    /** Where the account's data lives on this device. */
    AccountFiles files() {
        return files;
    }

    PeopleDirectory people() {
        return people;
    }

    SyncEngine syncEngine() {
        return sync;
    }

    Outbox outbox() {
        return outbox;
    }

    ConnectionState state() {
        return state;
    }

    @Nullable
    Throwable lastError() {
        return lastError;
    }

    /** Completes on the first successful (re)connection; fails when the session ends before. */
    CompletableFuture<Void> firstConnection() {
        return firstConnection;
    }

    long userId() {
        return store.settings().get(SettingsTable.USER_ID).map(Long::parseLong).orElse(0L);
    }

    String token() {
        return store.settings().get(SettingsTable.SESSION_TOKEN).orElse("");
    }

    /** Sends a request on the current connection; fails with {@link ConnectionClosedException} when offline. */
    CompletableFuture<Envelope> request(Envelope.Builder body, Envelope.BodyCase expected) {
        return reconnector
                .current()
                .map(c -> c.request(body, expected))
                .orElseGet(() ->
                        CompletableFuture.failedFuture(new ConnectionClosedException("not connected to the server")));
    }

    /** The HTTPS file API, pinned like the gateway. */
    CompletableFuture<ApiClient> api() {
        ServerConnector.Discovered d = discovered;
        CompletableFuture<ServerConnector.Discovered> known =
                d != null ? CompletableFuture.completedFuture(d) : connector.discover();
        return known.thenApply(x -> {
            discovered = x;
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(x.tls().jdkContext())
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(rt.io())
                    .build();
            return new ApiClient(http, URI.create(x.info().apiUrl()), this::token, rt.json());
        });
    }

    private CompletableFuture<GatewayConnection> resumeConnection() {
        String token = token();
        if (token.isEmpty()) {
            return CompletableFuture.failedFuture(new NotLoggedInException("no session token stored"));
        }
        LoginRequest login = LoginRequest.newBuilder()
                .setToken(token)
                .setDeviceId(store.settings().get(SettingsTable.DEVICE_ID).orElse(""))
                .setDeviceName(deviceName)
                .setPlatform(rt.options().platform())
                .build();
        return connector.connect(login, this).thenApply(c -> {
            discovered = c.discovered();
            return c.connection();
        });
    }

    private CompletableFuture<im.magpie.protocol.v1.SyncResponse> fetchSync(byte[] cursor, int limit) {
        SyncRequest req = SyncRequest.newBuilder()
                .setCursor(ByteString.copyFrom(cursor))
                .setLimit(limit)
                .build();
        return request(Envelope.newBuilder().setSync(req), Envelope.BodyCase.SYNC_RESULT)
                .thenApply(Envelope::getSyncResult);
    }

    @Override
    public void onConnecting() {
        setState(ConnectionState.CONNECTING);
    }

    @Override
    public void onConnected(GatewayConnection connection) {
        lastError = null;
        setState(ConnectionState.ONLINE);
        firstConnection.complete(null);
        var unused = sync.sync();
        outbox.retryNow();
        renewPresence();
    }

    /** Replaces the default presence watch; it is renewed after every reconnect. */
    CompletableFuture<List<UserPresence>> subscribePresence(List<Long> userIds) {
        return presence.replaceDefault(userIds);
    }

    /** The presence watches of this session (additive; renewed after every reconnect). */
    PresenceWatches presence() {
        return presence;
    }

    private CompletableFuture<List<UserPresence>> sendPresence(SubscribePresenceRequest.Builder request) {
        return request(Envelope.newBuilder().setSubscribePresence(request), Envelope.BodyCase.PRESENCE_SNAPSHOT)
                .thenApply(e -> e.getPresenceSnapshot().getUsersList());
    }

    private void renewPresence() {
        var unused = presence.renew().thenAccept(snapshot -> {
            if (!snapshot.isEmpty()) {
                rt.listeners().onPresence(snapshot);
            }
        });
    }

    @Override
    public void onDisconnected() {
        setState(ConnectionState.CONNECTING);
    }

    /** The remote wipe this session carried out, if one arrived. */
    @Nullable
    DeviceWipedException wiped() {
        return wiped;
    }

    @Override
    public void onSessionEnded(String reason) {
        if (wiped != null) {
            return;
        }
        store.settings().remove(SettingsTable.SESSION_TOKEN);
        setState(ConnectionState.SESSION_ENDED);
        firstConnection.completeExceptionally(new NotLoggedInException("session ended: " + reason, true));
        rt.listeners().onSessionEnded(reason);
    }

    @Override
    public void onNotification(Notification notification) {
        var unused = sync.onNotification(notification);
    }

    @Override
    public void onPresence(PresenceUpdate update) {
        rt.listeners().onPresence(update.getUsersList());
    }

    @Override
    public void onKicked(Kicked kicked) {
        reconnector.endSession("kicked: " + kicked.getReason());
    }

    /**
     * An administrator ordered this device to wipe itself: stop, delete the account's database, key and cache, forget
     * the account, then tell the listeners. Also reached during a login that the server refuses for this reason.
     */
    @Override
    public void onRemoteWipe(RemoteWipe order) {
        if (wiped != null) {
            return;
        }
        DeviceWipedException wipe = new DeviceWipedException(order.getOrderedAtMs());
        wiped = wipe;
        close();
        state = ConnectionState.SESSION_ENDED;
        firstConnection.completeExceptionally(wipe);
        Exception error = null;
        try {
            store.close();
            files.deleteAll();
        } catch (IOException | RuntimeException e) {
            log.error("remote wipe: could not delete all local data of {}", files.database(), e);
            error = e;
        }
        forgetAccount.run();
        log.warn("remote wipe: deleted the local data of {} as ordered by an administrator", files.database());
        rt.listeners().onDeviceWiped(wipe, error);
    }

    @Override
    public void onSent(String clientMessageId, long conversationId, long seq) {
        rt.listeners().onMessageSent(clientMessageId, conversationId, seq);
        if (seq > store.entries().maxSeq(conversationId)) {
            var unused = sync.sync();
        }
    }

    @Override
    public void onFailed(String clientMessageId, long conversationId, String code) {
        rt.listeners().onMessageFailed(clientMessageId, conversationId, code);
    }

    @Override
    public void onConnectFailed(Throwable cause) {
        lastError = cause;
    }

    private void setState(ConnectionState s) {
        if (state != s && state != ConnectionState.SESSION_ENDED) {
            state = s;
            rt.listeners().onConnectionState(s);
        }
    }

    /** Ends the session on the server (token revoked), then stops. */
    CompletableFuture<Void> logout() {
        CompletableFuture<Void> done = reconnector
                .current()
                .map(GatewayConnection::logout)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
        return done.handle((ok, err) -> {
            store.settings().remove(SettingsTable.SESSION_TOKEN);
            close();
            state = ConnectionState.OFFLINE;
            return null;
        });
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = periodic;
        if (p != null) {
            p.cancel(false);
        }
        reconnector.stop();
    }
}
