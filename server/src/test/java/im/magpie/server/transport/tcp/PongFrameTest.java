package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Pong;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PongFrameTest {
    @ParameterizedTest
    @CsvSource({
        "1, 1764130000000",
        "0, 1764130000000",
        "127, 0",
        "128, 1",
        "16383, 16384",
        "9223372036854775807, 9223372036854775807",
        "-1, -1",
        "42, -5"
    })
    void isTheFrameTheCodecWouldWrite(long requestId, long serverTimeMs) {
        byte[] body = Envelope.newBuilder()
                .setRequestId(requestId)
                .setPong(Pong.newBuilder().setServerTimeMs(serverTimeMs))
                .build()
                .toByteArray();
        ByteBuf expected = Unpooled.buffer().writeInt(body.length).writeBytes(body);

        ByteBuf frame = PongFrame.encode(PooledByteBufAllocator.DEFAULT, requestId, serverTimeMs);
        try {
            assertThat(ByteBufUtil.hexDump(frame)).isEqualTo(ByteBufUtil.hexDump(expected));
            assertThat(frame.isDirect())
                    .as("a direct buffer: the TLS layer seals it without a copy")
                    .isTrue();
        } finally {
            frame.release();
            expected.release();
        }
    }
}
