package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.OpenSelfRequest;
import im.magpie.protocol.v1.Ping;
import im.magpie.server.account.UserId;
import im.magpie.server.presence.PresenceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginHandlerTest {
    private final TcpFixture tcp = new TcpFixture();

    @BeforeEach
    void handshake() {
        tcp.send(TcpFixture.hello(1, ProtocolVersion.CURRENT));
        tcp.reply();
    }

    @AfterEach
    void close() {
        tcp.close();
    }

    @Test
    void answersRequestsBeforeLoginWithNotAuthenticated() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(4)
                .setOpenSelf(OpenSelfRequest.getDefaultInstance())
                .build());
        tcp.assertError(tcp.reply(), 4, ErrorCode.ERROR_CODE_NOT_AUTHENTICATED);
        tcp.send(Envelope.newBuilder()
                .setRequestId(5)
                .setPing(Ping.getDefaultInstance())
                .build());
        tcp.assertError(tcp.reply(), 5, ErrorCode.ERROR_CODE_NOT_AUTHENTICATED);

        assertThat(tcp.channel.isActive()).isTrue();
    }

    @Test
    void logsInWithAPasswordAndRegistersTheDevice() {
        tcp.send(TcpFixture.login(2, "alice", "secret"));

        Envelope reply = tcp.reply();
        assertThat(reply.getRequestId()).isEqualTo(2);
        assertThat(reply.getLoginResult().getUserId()).isEqualTo(1);
        assertThat(reply.getLoginResult().getAccount()).isEqualTo("alice");
        assertThat(reply.getLoginResult().getToken()).startsWith("token-alice-");
        assertThat(reply.getLoginResult().getDeviceId()).isNotEmpty();
        assertThat(tcp.connections.of(new UserId(1))).hasSize(1);
        assertThat(tcp.presence.presenceOf(new UserId(1))).isEqualTo(PresenceState.ONLINE);
        assertThat(tcp.channel.pipeline().get(RequestDispatcher.class)).isNotNull();
        assertThat(tcp.channel.pipeline().get(LoginHandler.class)).isNull();
    }

    @Test
    void resumesWithAToken() {
        tcp.send(TcpFixture.login(2, "alice", "secret"));
        String token = tcp.reply().getLoginResult().getToken();
        tcp.channel.close().syncUninterruptibly();
        try (TcpFixture second = new TcpFixture()) {
            second.sessions.byToken.putAll(tcp.sessions.byToken);
            second.send(TcpFixture.hello(1, ProtocolVersion.CURRENT));
            second.reply();
            second.send(Envelope.newBuilder()
                    .setRequestId(3)
                    .setLogin(LoginRequest.newBuilder().setToken(token))
                    .build());

            assertThat(second.reply().getLoginResult().getToken()).isEqualTo(token);
        }
    }

    @Test
    void mapsLoginFailuresToTheirCodes() {
        tcp.send(TcpFixture.login(2, "alice", "wrong"));
        tcp.assertError(tcp.reply(), 2, ErrorCode.ERROR_CODE_INVALID_CREDENTIALS);
        tcp.send(TcpFixture.login(3, "carol", "secret"));
        tcp.assertError(tcp.reply(), 3, ErrorCode.ERROR_CODE_ACCOUNT_DISABLED);
        tcp.send(TcpFixture.login(4, "mallory", "secret"));
        Envelope limited = tcp.reply();
        tcp.assertError(limited, 4, ErrorCode.ERROR_CODE_RATE_LIMITED);
        assertThat(limited.getError().getRetryAfterMs()).isEqualTo(30_000);
        tcp.send(Envelope.newBuilder()
                .setRequestId(5)
                .setLogin(LoginRequest.newBuilder().setToken("forged"))
                .build());
        tcp.assertError(tcp.reply(), 5, ErrorCode.ERROR_CODE_INVALID_TOKEN);

        assertThat(tcp.channel.isActive()).isTrue();
        assertThat(tcp.channel.config().isAutoRead()).isTrue();
    }

    @Test
    void servesRequestsPipelinedBehindTheLogin() {
        io.netty.buffer.ByteBuf both = TcpFixture.frame(TcpFixture.login(2, "alice", "secret"))
                .writeBytes(TcpFixture.frame(Envelope.newBuilder()
                        .setRequestId(3)
                        .setPing(Ping.getDefaultInstance())
                        .build()));
        tcp.sessions.holdLogins = true;
        tcp.channel.writeInbound(both);
        assertThat(tcp.poll()).isNull();

        tcp.sessions.releaseLogins();
        tcp.channel.runPendingTasks();

        assertThat(tcp.reply().hasLoginResult()).isTrue();
        Envelope pong = tcp.reply();
        assertThat(pong.getRequestId()).isEqualTo(3);
        assertThat(pong.hasPong()).isTrue();
    }

    @Test
    void answersFramesPipelinedBehindAFailedLoginAsUnauthenticated() {
        io.netty.buffer.ByteBuf both = TcpFixture.frame(TcpFixture.login(2, "alice", "wrong"))
                .writeBytes(TcpFixture.frame(Envelope.newBuilder()
                        .setRequestId(3)
                        .setPing(Ping.getDefaultInstance())
                        .build()));
        tcp.channel.writeInbound(both);
        tcp.channel.runPendingTasks();

        tcp.assertError(tcp.reply(), 2, ErrorCode.ERROR_CODE_INVALID_CREDENTIALS);
        tcp.assertError(tcp.reply(), 3, ErrorCode.ERROR_CODE_NOT_AUTHENTICATED);
    }

    @Test
    void rejectsALoginWithoutCredential() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(2)
                .setLogin(LoginRequest.newBuilder().setDeviceName("x"))
                .build());

        tcp.assertError(tcp.reply(), 2, ErrorCode.ERROR_CODE_BAD_REQUEST);
    }

    @Test
    void marksTheDeviceOfflineWhenTheConnectionCloses() {
        tcp.send(TcpFixture.login(2, "alice", "secret"));
        tcp.reply();

        tcp.channel.close().syncUninterruptibly();

        assertThat(tcp.connections.of(new UserId(1))).isEmpty();
        assertThat(tcp.presence.presenceOf(new UserId(1))).isEqualTo(PresenceState.OFFLINE);
    }
}
