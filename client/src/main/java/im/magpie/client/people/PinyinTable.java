package im.magpie.client.people;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The toneless pinyin readings of a Chinese character, every reading of a polyphonic one in the order of pinyin4j's
 * table (the common one first); ü is written {@code v} as on a keyboard. The table is {@value #RESOURCE}, packed from
 * pinyin4j's data ({@code PinyinTableTest} checks it against pinyin4j and writes it): 20,378 characters in
 * about 300 KB of heap, where pinyin4j's own dictionary kept 9 MB. Readings are shared strings, and a character's
 * {@link SearchKeys.Unit} is made once and shared by every name that has it.
 *
 * <p>The resource: {@code int} {@link #MAGIC}; {@code short} reading count, each reading as modified UTF-8; {@code
 * int} character count, then per character (ascending): the {@code char}, a {@code byte} count and that many {@code
 * short} reading numbers.
 */
public final class PinyinTable {
    static final String RESOURCE = "pinyin.bin";
    static final int MAGIC = 0x50593031; // "PY01"

    /** Every character with a reading, ascending. */
    private final char[] chars;
    /** {@code readingIds[from[k] .. from[k + 1])} are the readings of {@code chars[k]}. */
    private final int[] from;

    private final short[] readingIds;
    private final String[] readings;
    private final AtomicReferenceArray<SearchKeys.Unit> units;

    private PinyinTable(char[] chars, int[] from, short[] readingIds, String[] readings) {
        this.chars = chars;
        this.from = from;
        this.readingIds = readingIds;
        this.readings = readings;
        this.units = new AtomicReferenceArray<>(chars.length);
    }

    /** Reads the bundled table (a few milliseconds): once per application, it is immutable and thread-safe. */
    public static PinyinTable load() {
        try (InputStream in = PinyinTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("read " + RESOURCE, e);
        }
    }

    private static PinyinTable read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a pinyin table");
        }
        String[] readings = new String[in.readShort()];
        for (int r = 0; r < readings.length; r++) {
            readings[r] = in.readUTF();
        }
        int n = in.readInt();
        char[] chars = new char[n];
        int[] from = new int[n + 1];
        short[] ids = new short[n * 2];
        int size = 0;
        for (int k = 0; k < n; k++) {
            chars[k] = in.readChar();
            int count = in.readUnsignedByte();
            if (size + count > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + count));
            }
            for (int j = 0; j < count; j++) {
                ids[size++] = in.readShort();
            }
            from[k + 1] = size;
        }
        return new PinyinTable(chars, from, Arrays.copyOf(ids, size), readings);
    }

    /**
     * {@code c} as a name unit with its distinct readings in the table's order (the common one first), the same
     * instance every time; null when it has none.
     */
    SearchKeys.@Nullable Unit unit(char c) {
        int k = Arrays.binarySearch(chars, c);
        if (k < 0) {
            return null;
        }
        SearchKeys.@Nullable Unit unit = units.get(k);
        if (unit != null) {
            return unit;
        }
        List<String> list = new ArrayList<>(from[k + 1] - from[k]);
        for (int j = from[k]; j < from[k + 1]; j++) {
            list.add(readings[readingIds[j]]);
        }
        SearchKeys.Unit made = new SearchKeys.Unit(String.valueOf(c), List.copyOf(list));
        return units.compareAndSet(k, null, made) ? made : units.get(k);
    }
}
