package im.magpie.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Ping;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void roundTripsAnEnvelopeSplitAcrossReads() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.addCodec(channel.pipeline(), Framing.MAX_FRAME_BYTES);
        Envelope ping = Envelope.newBuilder()
                .setRequestId(7)
                .setPing(Ping.getDefaultInstance())
                .build();
        channel.writeOutbound(ping);
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            wire.writeBytes(part);
            part.release();
        }
        assertThat(wire.getInt(0)).isEqualTo(ping.getSerializedSize());

        while (wire.isReadable()) {
            channel.writeInbound(wire.readRetainedSlice(1));
        }
        wire.release();
        Envelope decoded = channel.readInbound();
        assertThat(decoded).isEqualTo(ping);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void rejectsAFrameLongerThanTheLimitBeforeReadingItsBody() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.addCodec(channel.pipeline(), 1024);
        ByteBuf header = Unpooled.buffer().writeInt(1025);
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }
}
