package im.magpie.bench.jmh;

import im.magpie.protocol.Framing;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.TextContent;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The frame codec of the long connection ({@link Framing#addCodec}: length prefix + protobuf) on an Envelope carrying
 * a SendMessageRequest with a 100-character text body, through Netty's real handlers on embedded channels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FramingBenchmark {
    private final Envelope envelope = Envelope.newBuilder()
            .setRequestId(4711)
            .setSendMessage(SendMessageRequest.newBuilder()
                    .setConversationId(123_456)
                    .setClientMessageId("3f1c9a52-0e8b-4c55-9d7e-2b1f6a9c0d11")
                    .setBody(MessageBody.newBuilder()
                            .setText(TextContent.newBuilder().setText("x".repeat(100)))))
            .build();
    private final EmbeddedChannel encoder = codecChannel();
    private final EmbeddedChannel decoder = codecChannel();

    private static EmbeddedChannel codecChannel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Framing.addCodec(ch.pipeline(), Framing.MAX_FRAME_BYTES);
        return ch;
    }

    /** Envelope → bytes on the wire (all outbound buffers released). */
    @Benchmark
    public int encode() {
        encoder.writeOutbound(envelope);
        return drainOutbound(encoder);
    }

    /** Envelope → bytes → Envelope: the encode plus the decoder's frame cutting and protobuf parsing. */
    @Benchmark
    public @Nullable Envelope roundTrip() {
        encoder.writeOutbound(envelope);
        ByteBuf part;
        while ((part = encoder.readOutbound()) != null) {
            decoder.writeInbound(part);
        }
        return decoder.readInbound();
    }

    private static int drainOutbound(EmbeddedChannel ch) {
        int bytes = 0;
        ByteBuf part;
        while ((part = ch.readOutbound()) != null) {
            bytes += part.readableBytes();
            part.release();
        }
        return bytes;
    }

    @TearDown
    public void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
