package im.magpie.server.transport.tcp;

import com.google.protobuf.CodedOutputStream;
import im.magpie.protocol.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The answer to a heartbeat, encoded straight into one buffer: the length prefix and
 * {@code Envelope{request_id, pong: Pong{server_time_ms}}} in protobuf's wire format, without building the message
 * objects, without the protobuf encoder and the length prepender (which hand two buffers on), so the TLS layer seals
 * one direct buffer. Idle sessions cost the server nothing but their heartbeats, so this path is the idle cost.
 */
final class PongFrame {
    /** {@code Envelope.request_id}: field 1, varint. */
    private static final int REQUEST_ID_TAG = 1 << 3;
    /** {@code Envelope.pong}: field 103, length-delimited. */
    private static final int PONG_TAG = (103 << 3) | 2;
    /** {@code Pong.server_time_ms}: field 1, varint. */
    private static final int SERVER_TIME_TAG = 1 << 3;

    private PongFrame() {}

    /** The whole frame (length prefix included); zero fields are left out, as protobuf does. */
    static ByteBuf encode(ByteBufAllocator alloc, long requestId, long serverTimeMs) {
        int pongSize = serverTimeMs == 0
                ? 0
                : CodedOutputStream.computeUInt32SizeNoTag(SERVER_TIME_TAG)
                        + CodedOutputStream.computeInt64SizeNoTag(serverTimeMs);
        int envelopeSize = (requestId == 0
                        ? 0
                        : CodedOutputStream.computeUInt32SizeNoTag(REQUEST_ID_TAG)
                                + CodedOutputStream.computeUInt64SizeNoTag(requestId))
                + CodedOutputStream.computeUInt32SizeNoTag(PONG_TAG)
                + CodedOutputStream.computeUInt32SizeNoTag(pongSize)
                + pongSize;
        ByteBuf frame = alloc.ioBuffer(Framing.LENGTH_PREFIX_BYTES + envelopeSize);
        frame.writeInt(envelopeSize);
        if (requestId != 0) {
            writeVarint(frame, REQUEST_ID_TAG);
            writeVarint(frame, requestId);
        }
        writeVarint(frame, PONG_TAG);
        writeVarint(frame, pongSize);
        if (serverTimeMs != 0) {
            writeVarint(frame, SERVER_TIME_TAG);
            writeVarint(frame, serverTimeMs);
        }
        return frame;
    }

    /** Protobuf's base-128 varint (a negative int64 takes ten bytes, as in protobuf). */
    private static void writeVarint(ByteBuf out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }
}
