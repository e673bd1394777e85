package im.magpie.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.TextContent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the frame decoder under arbitrary splits and arbitrary (hostile) bytes. */
class FramingPropertiesTest {
    private static final int MAX = 4096;

    @Property(tries = 100)
    void anySequenceOfEnvelopesSurvivesAnySplitIntoReads(
            @ForAll @Size(min = 1, max = 8) List<@StringLength(max = 200) String> texts,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        List<Envelope> sent = new ArrayList<>();
        ByteBuf wire = Unpooled.buffer();
        for (int i = 0; i < texts.size(); i++) {
            Envelope envelope = send(i + 1, texts.get(i));
            sent.add(envelope);
            byte[] bytes = envelope.toByteArray();
            wire.writeInt(bytes.length).writeBytes(bytes);
        }
        EmbeddedChannel channel = channel();
        while (wire.isReadable()) {
            channel.writeInbound(wire.readRetainedSlice(Math.min(chunk, wire.readableBytes())));
        }
        wire.release();

        List<Envelope> received = new ArrayList<>();
        for (Envelope e = channel.readInbound(); e != null; e = channel.readInbound()) {
            received.add(e);
        }
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(channel.finish()).isFalse();
    }

    @Property(tries = 300)
    void arbitraryBytesEitherDecodeOrFailAsDecoderErrorsAndNeverLeak(@ForAll @Size(max = 300) byte[] garbage) {
        EmbeddedChannel channel = channel();
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(garbage));
            for (Object decoded = channel.readInbound(); decoded != null; decoded = channel.readInbound()) {
                assertThat(decoded).isInstanceOf(Envelope.class);
            }
        } catch (DecoderException expected) {
            // malformed input is refused as a decoder error; the gateway closes the connection on it
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Property(tries = 100)
    void aLengthAboveTheLimitIsRefusedWhateverFollows(
            @ForAll @IntRange(min = MAX + 1) int length, @ForAll @Size(max = 64) byte[] body) {
        EmbeddedChannel channel = channel();
        ByteBuf frame = Unpooled.buffer().writeInt(length).writeBytes(body);
        assertThatThrownBy(() -> channel.writeInbound(frame)).isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.addCodec(channel.pipeline(), MAX);
        return channel;
    }

    private static Envelope send(long requestId, String text) {
        return Envelope.newBuilder()
                .setRequestId(requestId)
                .setSendMessage(SendMessageRequest.newBuilder()
                        .setConversationId(requestId * 7)
                        .setClientMessageId("00000000-0000-4000-8000-" + String.format("%012d", requestId))
                        .setBody(MessageBody.newBuilder()
                                .setText(TextContent.newBuilder().setText(text))))
                .build();
    }
}
