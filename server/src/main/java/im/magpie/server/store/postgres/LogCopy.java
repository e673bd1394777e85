package im.magpie.server.store.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rows a {@link LogBatch} appends to table {@code log}, encoded for one {@code COPY … FROM STDIN (FORMAT
 * binary)}: no SQL text to parse or plan, no per-value text conversion (timestamps, UUIDs) on either side, and
 * PostgreSQL inserts the heap tuples in bulk. A unique violation (a repeated send) fails the COPY like it failed
 * the INSERT, with SQL state 23505. Not thread-safe: the writer thread only.
 */
final class LogCopy {
    static final String COPY_LOG = "COPY log (pos, conversation_id, seq, actor_id, server_time, kind, client_msg_id,"
            + " body, ref_seq, subject_id, detail) FROM STDIN (FORMAT binary)";
    private static final short COLUMNS = 11;
    /** Signature, flags field and header extension length of PostgreSQL's binary COPY format. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    /** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01 00:00 UTC). */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private byte[] buf = new byte[16 * 1024];
    private int len;
    private int rows;

    /** Adds one row; {@code serverTime} must be whole microseconds (the writer truncates it). */
    void add(
            long pos,
            long conversation,
            long seq,
            long actor,
            Instant serverTime,
            short kind,
            @Nullable UUID clientMsgId,
            byte @Nullable [] body,
            @Nullable Long refSeq,
            @Nullable Long subjectId,
            @Nullable String detail) {
        if (rows == 0) {
            len = 0;
            put(HEADER, 0, HEADER.length);
        }
        putShort(COLUMNS);
        putLongField(pos);
        putLongField(conversation);
        putLongField(seq);
        putLongField(actor);
        putLongField(
                Math.addExact(Math.multiplyExact(serverTime.getEpochSecond(), 1_000_000L), serverTime.getNano() / 1_000)
                        - POSTGRES_EPOCH_MICROS);
        putInt(2);
        putShort(kind);
        if (clientMsgId == null) {
            putInt(-1);
        } else {
            putInt(16);
            putLong(clientMsgId.getMostSignificantBits());
            putLong(clientMsgId.getLeastSignificantBits());
        }
        if (body == null) {
            putInt(-1);
        } else {
            putInt(body.length);
            put(body, 0, body.length);
        }
        putNullableLong(refSeq);
        putNullableLong(subjectId);
        if (detail == null) {
            putInt(-1);
        } else {
            byte[] text = detail.getBytes(StandardCharsets.UTF_8);
            putInt(text.length);
            put(text, 0, text.length);
        }
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows added since the last flush as one COPY (nothing when there are none). */
    void flush(Connection con) throws SQLException {
        if (rows == 0) {
            return;
        }
        putShort((short) -1); // file trailer
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_LOG);
        try {
            copy.writeToCopy(buf, 0, len);
            long written = copy.endCopy();
            if (written != rows) {
                throw new SQLException("COPY stored " + written + " of " + rows + " log rows");
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            rows = 0;
            len = 0;
        }
    }

    private void putNullableLong(@Nullable Long value) {
        if (value == null) {
            putInt(-1);
        } else {
            putLongField(value);
        }
    }

    private void putLongField(long value) {
        putInt(8);
        putLong(value);
    }

    private void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    private void putInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putShort(short v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void put(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buf, len, count);
        len += count;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
