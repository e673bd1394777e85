package im.magpie.server.messaging;

import java.nio.ByteBuffer;

/** The opaque sync cursor: a version byte and the global log position of the last entry delivered. */
public final class SyncCursor {
    private static final byte VERSION = 1;
    private static final int LENGTH = 9;

    private SyncCursor() {}

    public static byte[] encode(long pos) {
        return ByteBuffer.allocate(LENGTH).put(VERSION).putLong(pos).array();
    }

    /** The position in {@code cursor}; 0 for an empty cursor. */
    public static long decode(byte[] cursor) throws InvalidRequestException {
        if (cursor.length == 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(cursor);
        if (cursor.length != LENGTH || buffer.get() != VERSION) {
            throw new InvalidRequestException("malformed sync cursor");
        }
        long pos = buffer.getLong();
        if (pos < 0) {
            throw new InvalidRequestException("malformed sync cursor");
        }
        return pos;
    }
}
