package im.magpie.client.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posting lists of the people index: for each {@code int} key, the positions of the people who have it, ascending.
 * All lists are packed into one byte array as the differences between neighbours, seven bits a byte (a list that
 * holds most people costs about a byte a person, where an {@code int[]} cost four), and the keys are one sorted
 * array (no boxed map). Lists are only ever walked from the start, which is what this layout is good at.
 */
final class PostingLists {
    private static final Positions EMPTY = () -> Positions.END;

    /** Every key, ascending. */
    private final int[] keys;
    /** The list of {@code keys[k]} is {@code data[starts[k] .. starts[k + 1])}. */
    private final int[] starts;

    private final byte[] data;

    private PostingLists(int[] keys, int[] starts, byte[] data) {
        this.keys = keys;
        this.starts = starts;
        this.data = data;
    }

    /** The positions that have {@code key}, ascending (none when no one has it). */
    Positions walk(int key) {
        int k = Arrays.binarySearch(keys, key);
        return k < 0 ? EMPTY : new Walk(data, starts[k], starts[k + 1]);
    }

    /** The number of keys. */
    int keyCount() {
        return keys.length;
    }

    /** The packed lists' size in bytes. */
    int byteCount() {
        return data.length;
    }

    private static final class Walk implements Positions {
        private final byte[] data;
        private final int end;
        private int at;
        private int position = -1;

        Walk(byte[] data, int at, int end) {
            this.data = data;
            this.at = at;
            this.end = end;
        }

        @Override
        public int next() {
            if (at == end) {
                return END;
            }
            int delta = 0;
            int shift = 0;
            byte b;
            do {
                b = data[at++];
                delta |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            position += delta;
            return position;
        }
    }

    /** Collects the lists: positions of one key must come in ascending order; a repeat of the last one is ignored. */
    static final class Builder {
        private final Map<Integer, Packing> lists = new HashMap<>();

        void add(int key, int position) {
            lists.computeIfAbsent(key, k -> new Packing()).add(position);
        }

        PostingLists build() {
            List<Map.Entry<Integer, Packing>> sorted = new ArrayList<>(lists.entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            int[] keys = new int[sorted.size()];
            int[] starts = new int[keys.length + 1];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = sorted.get(k).getKey();
                starts[k + 1] = starts[k] + sorted.get(k).getValue().size;
            }
            byte[] data = new byte[starts[keys.length]];
            for (int k = 0; k < keys.length; k++) {
                Packing p = sorted.get(k).getValue();
                System.arraycopy(p.bytes, 0, data, starts[k], p.size);
            }
            return new PostingLists(keys, starts, data);
        }
    }

    /** One list being packed. */
    private static final class Packing {
        byte[] bytes = new byte[2];
        int size;
        int last = -1;

        void add(int position) {
            if (position == last) {
                return;
            }
            if (position < last) {
                throw new IllegalArgumentException("position " + position + " after " + last);
            }
            if (size + 5 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + 5, bytes.length * 2));
            }
            for (int delta = position - last; ; delta >>>= 7) {
                if (delta < 0x80) {
                    bytes[size++] = (byte) delta;
                    break;
                }
                bytes[size++] = (byte) (delta | 0x80);
            }
            last = position;
        }
    }
}
