package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import im.magpie.protocol.Framing;
import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.Hello;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.PasswordCredential;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.push.DeviceConnections;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A gateway pipeline without TLS on an EmbeddedChannel, with fakes behind it and a synchronous executor. Unless made
 * with {@link #beforeTls()}, it starts as if the TLS handshake had just completed.
 */
final class TcpFixture implements AutoCloseable {
    static final int HEARTBEAT_SECONDS = 30;

    final FakeSessions sessions = new FakeSessions();
    final FakeMessaging messaging = new FakeMessaging();
    final PresenceService presence = new PresenceService();
    final DeviceConnections connections = new DeviceConnections();
    final ConnectionExceptionHandler exceptions = new ConnectionExceptionHandler();
    final EmbeddedChannel channel;
    private final ByteBuf received = Unpooled.buffer();

    TcpFixture() {
        this(true);
    }

    /** A fixture whose TLS handshake has not completed yet: call {@link #tlsHandshakeDone()}. */
    static TcpFixture beforeTls() {
        return new TcpFixture(false);
    }

    private TcpFixture(boolean tlsDone) {
        GatewayDependencies deps = new GatewayDependencies(
                sessions,
                new FakeAccounts(),
                messaging,
                new FakeConversations(),
                presence,
                connections,
                Clock.fixed(FakeMessaging.NOW, ZoneOffset.UTC),
                HEARTBEAT_SECONDS,
                ConnectionDeadlines.DEFAULT,
                "0.1.0-test");
        channel = new EmbeddedChannel();
        channel.pipeline().addLast(new IdleSweeps(HEARTBEAT_SECONDS).newCheck());
        Framing.addCodec(channel.pipeline(), Framing.MAX_FRAME_BYTES);
        channel.pipeline().addLast("handshake", new HandshakeHandler(deps, sessions::run));
        channel.pipeline().addLast("exceptions", exceptions);
        if (tlsDone) {
            tlsHandshakeDone();
        }
    }

    /** What the TLS handler announces once the handshake succeeded. */
    void tlsHandshakeDone() {
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
    }

    /** Writes one frame; returns false when the channel closed. */
    void send(Envelope envelope) {
        channel.writeInbound(frame(envelope));
    }

    static ByteBuf frame(Envelope envelope) {
        byte[] body = envelope.toByteArray();
        return Unpooled.buffer().writeInt(body.length).writeBytes(body);
    }

    /** The next frame the server wrote, or null when none is waiting. */
    @Nullable
    Envelope poll() {
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) out;
            received.writeBytes(buf);
            buf.release();
        }
        if (received.readableBytes() < 4 || received.readableBytes() < 4 + received.getInt(received.readerIndex())) {
            return null;
        }
        int length = received.readInt();
        byte[] body = new byte[length];
        received.readBytes(body);
        try {
            return Envelope.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("server wrote a malformed frame", e);
        }
    }

    Envelope reply() {
        Envelope reply = poll();
        assertThat(reply).as("a reply frame").isNotNull();
        return java.util.Objects.requireNonNull(reply);
    }

    void assertError(Envelope reply, long requestId, ErrorCode code) {
        assertThat(reply.getRequestId()).isEqualTo(requestId);
        assertThat(reply.getError().getCode()).isEqualTo(code);
    }

    static Envelope hello(long requestId, int version) {
        return Envelope.newBuilder()
                .setRequestId(requestId)
                .setHello(Hello.newBuilder().setProtocolVersion(version).setClientAgent("test/1"))
                .build();
    }

    static Envelope login(long requestId, String account, String password) {
        return Envelope.newBuilder()
                .setRequestId(requestId)
                .setLogin(LoginRequest.newBuilder()
                        .setPassword(PasswordCredential.newBuilder()
                                .setAccount(account)
                                .setPassword(password))
                        .setDeviceName("test device")
                        .setPlatform("cli"))
                .build();
    }

    static MessageBody text(String text) {
        return MessageBody.newBuilder()
                .setText(TextContent.newBuilder().setText(text))
                .build();
    }

    /** Hello + login as alice; returns the login result. */
    Envelope loggedInAsAlice() {
        send(hello(1, ProtocolVersion.CURRENT));
        assertThat(reply().hasWelcome()).isTrue();
        send(login(2, "alice", "secret"));
        Envelope result = reply();
        assertThat(result.hasLoginResult()).as("login result: %s", result).isTrue();
        return result;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
        received.release();
    }
}
