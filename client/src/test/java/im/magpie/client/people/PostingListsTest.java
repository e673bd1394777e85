package im.magpie.client.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The packed lists give back exactly the positions added, against plain lists as the reference. */
class PostingListsTest {
    @Test
    void everyListIsWhatWasAdded() {
        Random random = new Random(11);
        PostingLists.Builder builder = new PostingLists.Builder();
        Map<Integer, List<Integer>> reference = new TreeMap<>();
        int[] keys = {Integer.MIN_VALUE, -7, 0, 1, 'a', SearchKeys.pair('z', 'h'), SearchKeys.pair('张', '伟'), 1 << 30};
        for (int position = 0; position < 300_000; position += 1 + random.nextInt(3)) {
            for (int key : keys) {
                // dense, sparse and very sparse lists; large gaps take several bytes
                int density = Math.floorMod(key, 5);
                if (density == 0 ? random.nextInt(5_000) == 0 : random.nextInt(density + 1) == 0) {
                    builder.add(key, position);
                    if (random.nextBoolean()) {
                        builder.add(key, position); // a person with the key twice
                    }
                    reference.computeIfAbsent(key, k -> new ArrayList<>()).add(position);
                }
            }
        }
        builder.add(42, Integer.MAX_VALUE - 1);
        reference.put(42, List.of(Integer.MAX_VALUE - 1));
        PostingLists lists = builder.build();
        assertThat(lists.keyCount()).isEqualTo(reference.size());
        reference.forEach((key, positions) ->
                assertThat(all(lists.walk(key))).as("key %d", key).isEqualTo(positions));
        assertThat(all(lists.walk(2))).isEmpty();
        assertThat(all(new PostingLists.Builder().build().walk(0))).isEmpty();
    }

    @Test
    void aDenseListTakesAboutAByteAPosition() {
        PostingLists.Builder builder = new PostingLists.Builder();
        for (int position = 0; position < 100_000; position++) {
            builder.add('z', position);
        }
        assertThat(builder.build().byteCount()).isEqualTo(100_000);
    }

    @Test
    void positionsMustAscend() {
        PostingLists.Builder builder = new PostingLists.Builder();
        builder.add(1, 10);
        assertThatThrownBy(() -> builder.add(1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> all(Positions walk) {
        List<Integer> out = new ArrayList<>();
        for (int p = walk.next(); p != Positions.END; p = walk.next()) {
            out.add(p);
        }
        return out;
    }
}
