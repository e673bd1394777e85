package im.magpie.desktopbench;

import im.magpie.client.people.PeopleIndex;
import im.magpie.client.people.PinyinTable;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.PersonRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * People search as the contacts pane runs it: the client library's {@link PeopleIndex} (names, accounts, full pinyin
 * and initials) built from the store's people directory, first 50 results, a mix of pinyin prefixes, initials,
 * Chinese names and accounts, {@value #ROUNDS} rounds.
 */
final class PeopleBench {
    static final int ROUNDS = 20;
    static final List<String> QUERIES = List.of(
            "z", "w", "l", "zh", "zw", "lj", "zhang", "zhangw", "liuy", "chen", "王", "张伟", "李娜", "user12", "user999",
            "xiu", "jie", "ml", "zzzz", "huang");

    record Result(Percentiles search, long buildMs, int people, double recordsMb, double indexMb) {}

    static Result run(LocalStore store) {
        long heap0 = usedHeap();
        List<PersonRecord> records = store.people().all();
        long heap1 = usedHeap();
        long t0 = System.nanoTime();
        PeopleIndex index = PeopleIndex.of(records, PinyinTable.load());
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long heap2 = usedHeap();
        for (String q : QUERIES) { // warm-up
            index.search(q, 50);
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                long t = System.nanoTime();
                index.search(q, 50);
                nanos.add(System.nanoTime() - t);
            }
        }
        return new Result(
                new Percentiles(nanos.stream().mapToLong(Long::longValue).toArray()),
                buildMs,
                index.size(),
                (heap1 - heap0) / 1e6,
                (heap2 - heap1) / 1e6);
    }

    /** Heap in use after a full collection (what a structure built in between retains). */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
