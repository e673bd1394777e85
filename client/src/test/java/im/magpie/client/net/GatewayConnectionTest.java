package im.magpie.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.Kicked;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.LookupUsersRequest;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.PasswordCredential;
import im.magpie.protocol.v1.Ping;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's connection against a real TLS server on loopback. */
class GatewayConnectionTest {
    private static TestPki pki;
    private static TestPki other;
    private static String pin = "";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ScheduledExecutorService callbacks =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-callbacks"));
    private FakeGateway gateway;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create("acme");
        other = TestPki.create("evil");
        pin = pki.caFingerprint();
    }

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway(pki);
    }

    @AfterEach
    void stop() {
        gateway.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        callbacks.shutdownNow();
    }

    private GatewaySettings settings(String pin, Duration requestTimeout) {
        TlsContexts tls = new TlsContexts(new PinnedTrustManager(pin, Clock.systemUTC()));
        return new GatewaySettings(
                "127.0.0.1", gateway.port(), tls.nettyContext(), "test/1", Duration.ofSeconds(5), requestTimeout);
    }

    private GatewayConnection connect(PushListener push) throws Exception {
        return GatewayConnection.connect(settings(pin, Duration.ofSeconds(5)), group, push, callbacks)
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void handshakesOverPinnedTlsAndLogsIn() throws Exception {
        try (GatewayConnection c = connect(new PushListener() {})) {
            assertThat(c.welcome().getProtocolVersion()).isEqualTo(1);
            assertThat(gateway.received.get(0).getHello().getClientAgent()).isEqualTo("test/1");
            LoginResponse r = c.login(password("secret")).get(5, TimeUnit.SECONDS);
            assertThat(r.getToken()).isEqualTo("token-1");
            Envelope pong = c.request(Envelope.newBuilder().setPing(Ping.getDefaultInstance()), Envelope.BodyCase.PONG)
                    .get(5, TimeUnit.SECONDS);
            assertThat(pong.getRequestId()).isNotZero();
        }
    }

    @Test
    void refusesAServerWhoseCertificateIsNotThePin() throws Exception {
        CompletableFuture<GatewayConnection> f = GatewayConnection.connect(
                settings(other.caFingerprint(), Duration.ofSeconds(5)), group, new PushListener() {}, callbacks);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(Reconnector.fatalReason(e)).contains("certificate changed"));
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void errorRepliesFailTheRequestWithTheirCode() throws Exception {
        try (GatewayConnection c = connect(new PushListener() {})) {
            assertThatThrownBy(() -> c.login(password("wrong")).get(5, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            RequestFailedException.class,
                            r -> assertThat(r.code()).isEqualTo(ErrorCode.ERROR_CODE_INVALID_CREDENTIALS));
        }
    }

    @Test
    void unansweredRequestsTimeOut() throws Exception {
        GatewayConnection c = GatewayConnection.connect(
                        settings(pin, Duration.ofMillis(300)), group, new PushListener() {}, callbacks)
                .get(10, TimeUnit.SECONDS);
        try (c) {
            CompletableFuture<Envelope> f = c.request(
                    Envelope.newBuilder()
                            .setLookupUsers(LookupUsersRequest.newBuilder().addAccounts("bob")),
                    Envelope.BodyCase.LOOKUP_USERS_RESULT);
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void pushesArriveOnTheCallbackExecutor() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Notification> notifications = new CopyOnWriteArrayList<>();
        try (GatewayConnection c = connect(new PushListener() {
            @Override
            public void onNotification(Notification n) {
                threads.add(Thread.currentThread().getName());
                notifications.add(n);
            }
        })) {
            c.login(password("secret")).get(5, TimeUnit.SECONDS);
            gateway.push(Envelope.newBuilder()
                    .setNotification(Notification.newBuilder()
                            .addConversations(ConversationAdvanced.newBuilder()
                                    .setConversationId(5)
                                    .setSeq(9))));
            await().atMost(Duration.ofSeconds(5)).until(() -> notifications.size() == 1);
            assertThat(threads).containsExactly("test-callbacks");
            assertThat(notifications.get(0).getConversations(0).getSeq()).isEqualTo(9);
        }
    }

    @Test
    void pendingRequestsFailWhenTheConnectionCloses() throws Exception {
        try (GatewayConnection c = connect(new PushListener() {})) {
            CompletableFuture<Envelope> f = c.request(
                    Envelope.newBuilder()
                            .setLookupUsers(LookupUsersRequest.newBuilder().addAccounts("bob")),
                    Envelope.BodyCase.LOOKUP_USERS_RESULT);
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.received.size() == 2);
            gateway.dropConnections();
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionClosedException.class);
            c.closeFuture().get(5, TimeUnit.SECONDS);
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void closesAfterThreeUnansweredHeartbeats() throws Exception {
        gateway.heartbeatSeconds = 1;
        gateway.answerPings = false;
        try (GatewayConnection c = connect(new PushListener() {})) {
            c.closeFuture().get(10, TimeUnit.SECONDS);
            long pings = gateway.received.stream().filter(Envelope::hasPing).count();
            assertThat(pings).isEqualTo(3);
        }
    }

    @Test
    void reconnectorResumesWithTheTokenAndStopsWhenKicked() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), () -> 1.0);
        Reconnector[] holder = new Reconnector[1];
        PushListener push = new PushListener() {
            @Override
            public void onKicked(Kicked kicked) {
                holder[0].endSession(kicked.getReason());
            }
        };
        Reconnector reconnector = new Reconnector(
                () -> GatewayConnection.connect(settings(pin, Duration.ofSeconds(5)), group, push, callbacks)
                        .thenCompose(c -> c.login(token("token-1")).thenApply(r -> c)),
                backoff,
                callbacks,
                new Reconnector.Listener() {
                    @Override
                    public void onConnected(GatewayConnection connection) {
                        events.add("connected");
                    }

                    @Override
                    public void onDisconnected() {
                        events.add("disconnected");
                    }

                    @Override
                    public void onSessionEnded(String reason) {
                        events.add("ended: " + reason);
                    }
                });
        holder[0] = reconnector;
        reconnector.start(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("connected"));

        gateway.dropConnections();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> gateway.logins.get() == 2 && reconnector.current().isPresent());
        assertThat(events).containsExactly("connected", "disconnected", "connected");

        gateway.push(Envelope.newBuilder().setKicked(Kicked.newBuilder().setReason("admin")));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ended: admin"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> gateway.logins.get() == 2);
        assertThat(reconnector.current()).isEmpty();
    }

    @Test
    void reconnectorEndsTheSessionOnInvalidToken() throws Exception {
        CompletableFuture<String> ended = new CompletableFuture<>();
        Reconnector reconnector = new Reconnector(
                () -> GatewayConnection.connect(
                                settings(pin, Duration.ofSeconds(5)), group, new PushListener() {}, callbacks)
                        .thenCompose(c -> c.login(token("revoked")).thenApply(r -> c)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), () -> 1.0),
                callbacks,
                new Reconnector.Listener() {
                    @Override
                    public void onConnected(GatewayConnection connection) {}

                    @Override
                    public void onSessionEnded(String reason) {
                        ended.complete(reason);
                    }
                });
        reconnector.start(null);
        assertThat(ended.get(5, TimeUnit.SECONDS)).contains("INVALID_TOKEN");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> gateway.logins.get() == 1);
    }

    private static LoginRequest password(String pw) {
        return LoginRequest.newBuilder()
                .setPassword(PasswordCredential.newBuilder().setAccount("alice").setPassword(pw))
                .build();
    }

    private static LoginRequest token(String t) {
        return LoginRequest.newBuilder().setToken(t).setDeviceId("device-1").build();
    }
}
