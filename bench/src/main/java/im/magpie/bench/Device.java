package im.magpie.bench;

import com.google.protobuf.ByteString;
import im.magpie.client.net.GatewayConnection;
import im.magpie.client.net.GatewaySettings;
import im.magpie.client.net.PushListener;
import im.magpie.client.sync.SyncEngine;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.OpenDirectRequest;
import im.magpie.protocol.v1.PasswordCredential;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SendMessageResponse;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.protocol.v1.SyncResponse;
import im.magpie.protocol.v1.TextContent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One simulated device: a gateway connection, a login (password first, token afterwards), and a sync cursor kept in
 * memory (no local database). Like the client library, a device keeps its own TLS client context (and with it the
 * session ticket of its last connection) across reconnects, so a re-login resumes the TLS session;
 * {@link #forgetTlsSession} makes its next handshake a full one. Like the client library's sync engine, a notification naming a seq above what the
 * device holds is applied from its inline entries when they continue the held log without a gap, and otherwise
 * triggers a sync; every message of another user it receives (inline or by sync, once) goes to the
 * {@link MessageSink}.
 */
final class Device implements PushListener {
    private static final int SYNC_PAGE = 1000;

    private final Net net;
    private volatile GatewaySettings tls;
    private final String account;
    private final String password;
    /** Highest seq held per conversation: every entry up to it was received (inline or by sync). Guarded by held. */
    private final Map<Long, Long> held = new HashMap<>();

    private final AtomicLong syncErrors = new AtomicLong();
    private volatile MessageSink sink = MessageSink.NONE;
    private volatile @Nullable GatewayConnection connection;
    private volatile String deviceId = "";
    private volatile String token = "";
    private volatile long userId;
    private ByteString cursor = ByteString.EMPTY; // guarded by this
    private boolean syncing; // guarded by this
    private boolean dirty; // guarded by this

    Device(Net net, String account, String password) {
        this.net = net;
        this.tls = net.deviceSettings();
        this.account = account;
        this.password = password;
    }

    void sink(MessageSink sink) {
        this.sink = sink;
    }

    long userId() {
        return userId;
    }

    String account() {
        return account;
    }

    long syncErrors() {
        return syncErrors.get();
    }

    /** Failed syncs of all these devices so far. */
    static long syncErrors(java.util.List<Device> devices) {
        return devices.stream().mapToLong(Device::syncErrors).sum();
    }

    /** Waits (at most {@code timeoutMillis}) until none of these devices has a sync in flight. */
    static void awaitSyncsIdle(java.util.List<Device> devices, long timeoutMillis) throws InterruptedException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (devices.stream().anyMatch(Device::isSyncing) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    synchronized boolean isSyncing() {
        return syncing;
    }

    boolean isOpen() {
        GatewayConnection c = connection;
        return c != null && c.isOpen();
    }

    /** A new TLS client context: the next connection is a full handshake (the device holds no session ticket). */
    void forgetTlsSession() {
        tls = net.deviceSettings();
    }

    /** Connects (TLS + Hello) and logs in: with the token of an earlier login when {@code resume}, else the password. */
    CompletableFuture<LoginResponse> connect(boolean resume) {
        LoginRequest.Builder login = LoginRequest.newBuilder()
                .setDeviceId(deviceId)
                .setDeviceName("bench")
                .setPlatform("bench");
        if (resume && !token.isEmpty()) {
            login.setToken(token);
        } else {
            login.setPassword(
                    PasswordCredential.newBuilder().setAccount(account).setPassword(password));
        }
        return GatewayConnection.connect(tls, net.group(), this, net.callbacks())
                .thenCompose(c -> {
                    connection = c;
                    return c.login(login.build());
                })
                .thenApply(r -> {
                    userId = r.getUserId();
                    deviceId = r.getDeviceId();
                    token = r.getToken();
                    return r;
                });
    }

    CompletableFuture<Long> openDirect(long peerUserId) {
        return request(
                        Envelope.newBuilder()
                                .setOpenDirect(OpenDirectRequest.newBuilder().setPeerUserId(peerUserId)),
                        Envelope.BodyCase.CONVERSATION_RESULT)
                .thenApply(e -> e.getConversationResult().getConversation().getConversationId());
    }

    /** Sends a text message; the reply arrives after the server committed it (and is counted in the net's acks). */
    CompletableFuture<SendMessageResponse> send(long conversationId, String text) {
        SendMessageRequest send = SendMessageRequest.newBuilder()
                .setConversationId(conversationId)
                .setClientMessageId(UUID.randomUUID().toString())
                .setBody(MessageBody.newBuilder()
                        .setText(TextContent.newBuilder().setText(text)))
                .build();
        return request(Envelope.newBuilder().setSendMessage(send), Envelope.BodyCase.SEND_MESSAGE_RESULT)
                .thenApply(reply -> {
                    net.acknowledged().increment();
                    return reply.getSendMessageResult();
                });
    }

    private CompletableFuture<Envelope> request(Envelope.Builder body, Envelope.BodyCase expected) {
        GatewayConnection c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("device not connected"));
        }
        return c.request(body, expected);
    }

    @Override
    public void onNotification(Notification notification) {
        long now = System.nanoTime();
        sink.onNotification(this, now);
        boolean needsSync = false;
        synchronized (held) {
            for (ConversationAdvanced advanced : notification.getConversationsList()) {
                long have = held.getOrDefault(advanced.getConversationId(), 0L);
                if (advanced.getSeq() <= have) {
                    continue;
                }
                if (SyncEngine.continues(advanced, have)) {
                    advanced.getEntriesList().forEach(entry -> receive(entry, now));
                } else {
                    needsSync = true;
                }
            }
        }
        if (needsSync) {
            requestSync();
        }
    }

    /** Takes one entry unless already held; a message of another user goes to the sink. Caller holds {@code held}. */
    private void receive(LogEntry entry, long now) {
        if (entry.getSeq() <= held.getOrDefault(entry.getConversationId(), 0L)) {
            return;
        }
        held.put(entry.getConversationId(), entry.getSeq());
        if (entry.hasMessage() && entry.getActorUserId() != userId) {
            sink.onMessage(this, entry, now);
        }
    }

    /** Starts a sync now, or once more after the one running (at most one in flight). */
    void requestSync() {
        synchronized (this) {
            if (syncing) {
                dirty = true;
                return;
            }
            syncing = true;
        }
        syncPage();
    }

    private void syncPage() {
        ByteString from;
        synchronized (this) {
            from = cursor;
        }
        SyncRequest sync =
                SyncRequest.newBuilder().setCursor(from).setLimit(SYNC_PAGE).build();
        CompletableFuture<Void> unused = request(Envelope.newBuilder().setSync(sync), Envelope.BodyCase.SYNC_RESULT)
                .thenAccept(e -> applyPage(e.getSyncResult()))
                .exceptionally(err -> {
                    syncErrors.incrementAndGet();
                    synchronized (this) {
                        syncing = false;
                    }
                    return null;
                });
    }

    private void applyPage(SyncResponse page) {
        long now = System.nanoTime();
        synchronized (held) {
            page.getEntriesList().forEach(entry -> receive(entry, now));
        }
        boolean again;
        synchronized (this) {
            cursor = page.getNextCursor();
            again = page.getHasMore() || dirty;
            dirty = false;
            syncing = again;
        }
        if (again) {
            syncPage();
        }
    }

    /** Closes the connection; the device keeps its id, token and cursor for a later {@link #connect}. */
    void disconnect() {
        GatewayConnection c = connection;
        if (c != null) {
            c.close();
        }
        synchronized (this) {
            syncing = false;
            dirty = false;
        }
    }
}
