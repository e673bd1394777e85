package im.magpie.protocol;

import im.magpie.protocol.v1.Envelope;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;

/**
 * Framing of the long connection: every frame is one {@link Envelope}, preceded by its length.
 *
 * <pre>
 * +--------+--------+--------+--------+-------------------------------+
 * |   length (uint32, big-endian)     |  Envelope (protobuf), length  |
 * +--------+--------+--------+--------+-------------------------------+
 * </pre>
 *
 * <p>A length above {@link #MAX_FRAME_BYTES} is a protocol error: the decoder fails with a
 * {@code TooLongFrameException} and the connection is closed without reading the body.
 */
public final class Framing {
    /** The largest Envelope either side may send: 1 MiB. */
    public static final int MAX_FRAME_BYTES = 1 << 20;

    /** Length of the prefix in bytes. */
    public static final int LENGTH_PREFIX_BYTES = 4;

    private Framing() {}

    /** Adds the frame decoder/encoder and the protobuf codec, in this order, to the pipeline's tail. */
    public static void addCodec(ChannelPipeline pipeline, int maxFrameBytes) {
        pipeline.addLast("frameDecoder", frameDecoder(maxFrameBytes));
        pipeline.addLast("frameEncoder", new LengthFieldPrepender(LENGTH_PREFIX_BYTES));
        pipeline.addLast("protobufDecoder", new ProtobufDecoder(Envelope.getDefaultInstance()));
        pipeline.addLast("protobufEncoder", new ProtobufEncoder());
    }

    /** A decoder that cuts frames and fails fast (before buffering the body) on oversized ones. */
    public static LengthFieldBasedFrameDecoder frameDecoder(int maxFrameBytes) {
        return new LengthFieldBasedFrameDecoder(
                maxFrameBytes + LENGTH_PREFIX_BYTES, 0, LENGTH_PREFIX_BYTES, 0, LENGTH_PREFIX_BYTES, true);
    }
}
