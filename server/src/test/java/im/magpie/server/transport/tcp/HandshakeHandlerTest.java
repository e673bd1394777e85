package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.Framing;
import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.Ping;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeHandlerTest {
    private static final long HELLO_SECONDS =
            ConnectionDeadlines.DEFAULT.hello().toSeconds();

    private final TcpFixture tcp = new TcpFixture();

    @AfterEach
    void close() {
        tcp.close();
    }

    @Test
    void welcomesASupportedHello() {
        tcp.send(TcpFixture.hello(5, ProtocolVersion.CURRENT));

        Envelope welcome = tcp.reply();
        assertThat(welcome.getRequestId()).isEqualTo(5);
        assertThat(welcome.getWelcome().getProtocolVersion()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(welcome.getWelcome().getHeartbeatIntervalSeconds()).isEqualTo(TcpFixture.HEARTBEAT_SECONDS);
        assertThat(welcome.getWelcome().getMaxFrameBytes()).isEqualTo(Framing.MAX_FRAME_BYTES);
        assertThat(welcome.getWelcome().getServerVersion()).isEqualTo("0.1.0-test");
        assertThat(tcp.channel.pipeline().get(LoginHandler.class)).isNotNull();
        assertThat(tcp.channel.isActive()).isTrue();
    }

    @Test
    void acceptsAHelloSplitAcrossManyReads() {
        ByteBuf frame = TcpFixture.frame(TcpFixture.hello(5, ProtocolVersion.CURRENT));
        while (frame.isReadable()) {
            tcp.channel.writeInbound(frame.readRetainedSlice(1));
        }
        frame.release();

        assertThat(tcp.reply().hasWelcome()).isTrue();
    }

    @Test
    void refusesAnUnsupportedVersionAndCloses() {
        tcp.send(TcpFixture.hello(5, ProtocolVersion.CURRENT + 1));

        tcp.assertError(tcp.reply(), 5, ErrorCode.ERROR_CODE_PROTOCOL_VERSION_UNSUPPORTED);
        assertThat(tcp.channel.isActive()).isFalse();
    }

    @Test
    void answersAnyOtherFirstFrameWithUnsupportedRequestAndCloses() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(3)
                .setPing(Ping.getDefaultInstance())
                .build());

        tcp.assertError(tcp.reply(), 3, ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST);
        assertThat(tcp.channel.isActive()).isFalse();
    }

    @Test
    void closesOnGarbageBeforeTheHandshake() {
        byte[] garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        tcp.channel.writeInbound(Unpooled.wrappedBuffer(garbage));

        assertThat(tcp.channel.isActive()).isFalse();
        assertThat(tcp.poll()).isNull();
        assertThat(tcp.exceptions.failures()).isEqualTo(1);
    }

    @Test
    void closesOnAnOversizedLengthPrefixWithoutReadingTheBody() {
        tcp.channel.writeInbound(
                Unpooled.buffer().writeInt(Framing.MAX_FRAME_BYTES + 1).writeByte(0));

        assertThat(tcp.channel.isActive()).isFalse();
        assertThat(tcp.poll()).isNull();
    }

    @Test
    void closesWhenNoHelloArrivesWithinTenSecondsOfTheTlsHandshake() {
        tcp.channel.advanceTimeBy(HELLO_SECONDS - 1, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();
        assertThat(tcp.channel.isActive()).isTrue();

        tcp.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();

        assertThat(tcp.channel.isActive()).isFalse();
    }

    @Test
    void keepsTheConnectionAfterAHelloPastTheTimeout() {
        tcp.send(TcpFixture.hello(1, ProtocolVersion.CURRENT));
        tcp.reply();

        tcp.channel.advanceTimeBy(HELLO_SECONDS + 1, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();

        assertThat(tcp.channel.isActive()).isTrue();
    }

    @Test
    void startsTheHelloDeadlineOnlyWhenTheTlsHandshakeCompletes() {
        try (TcpFixture slow = TcpFixture.beforeTls()) {
            slow.channel.advanceTimeBy(HELLO_SECONDS + 5, TimeUnit.SECONDS);
            slow.channel.runScheduledPendingTasks();
            assertThat(slow.channel.isActive())
                    .as("open: the TLS handshake has its own deadline")
                    .isTrue();

            slow.tlsHandshakeDone();
            slow.channel.advanceTimeBy(HELLO_SECONDS - 1, TimeUnit.SECONDS);
            slow.channel.runScheduledPendingTasks();
            assertThat(slow.channel.isActive()).isTrue();

            slow.channel.advanceTimeBy(2, TimeUnit.SECONDS);
            slow.channel.runScheduledPendingTasks();
            assertThat(slow.channel.isActive()).isFalse();
        }
    }
}
