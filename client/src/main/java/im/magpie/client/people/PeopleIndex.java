package im.magpie.client.people;

import im.magpie.client.store.PersonRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable in-memory index of the directory for search as you type. People are kept in name order (by pinyin);
 * every person's keys are precomputed ({@link SearchKeys}), and two posting lists narrow a query to the people who
 * can match before any key is compared: by the query's first character, and by its first two.
 *
 * <p>A query matches a person by name characters, account, full pinyin, pinyin initials, or a mix ("zhangs", "张s",
 * "zs"), from the start of the name or from any later character; polyphonic characters match every reading.
 * Results: whole-name/account matches, then matches from the start, then the rest; each group in name order.
 */
public final class PeopleIndex {
    private static final int[] NONE = new int[0];

    private final SearchKeys[] people;
    private final Map<Long, Integer> byId;
    private final Map<Integer, int[]> byFirst;
    private final Map<Integer, int[]> byPair;
    private final Map<String, int[]> exact;

    private PeopleIndex(SearchKeys[] people) {
        this.people = people;
        this.byId = new HashMap<>(people.length * 2);
        Map<String, List<Integer>> whole = new HashMap<>();
        Postings first = new Postings();
        Postings pairs = new Postings();
        for (int i = 0; i < people.length; i++) {
            byId.put(people[i].person.userId(), i);
            whole.computeIfAbsent(people[i].name, k -> new ArrayList<>()).add(i);
            if (!people[i].account.equals(people[i].name)) {
                whole.computeIfAbsent(people[i].account, k -> new ArrayList<>()).add(i);
            }
            int index = i;
            people[i].firsts(key -> first.add(key, index));
            people[i].pairs(key -> pairs.add(key, index));
        }
        this.byFirst = first.freeze();
        this.byPair = pairs.freeze();
        this.exact = new HashMap<>(whole.size() * 2);
        whole.forEach((key, list) ->
                exact.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Builds the index of {@code people} (any order), reading pinyin from {@code pinyin}. */
    static PeopleIndex build(List<PersonRecord> people, PinyinTable pinyin) {
        SearchKeys[] keys = people.stream().map(p -> new SearchKeys(p, pinyin)).toArray(SearchKeys[]::new);
        Arrays.sort(
                keys,
                Comparator.comparing((SearchKeys k) -> k.sortKey)
                        .thenComparing(k -> k.name)
                        .thenComparingLong(k -> k.person.userId()));
        return new PeopleIndex(keys);
    }

    /** Builds the index of {@code people} with the bundled pinyin table (for benchmarks and tools). */
    public static PeopleIndex of(List<PersonRecord> people) {
        return build(people, new PinyinTable());
    }

    public int size() {
        return people.length;
    }

    /** Everyone in name order. */
    public List<PersonRecord> all() {
        List<PersonRecord> out = new ArrayList<>(people.length);
        for (SearchKeys k : people) {
            out.add(k.person);
        }
        return out;
    }

    public Optional<PersonRecord> find(long userId) {
        Integer i = byId.get(userId);
        return i == null ? Optional.empty() : Optional.of(people[i].person);
    }

    /**
     * Up to {@code limit} people matching {@code query} (case and blanks ignored), best first; a blank query lists
     * the first {@code limit} in name order.
     */
    public List<PersonRecord> search(String query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String q = SearchKeys.compact(query);
        if (q.isEmpty()) {
            return all().subList(0, Math.min(limit, people.length));
        }
        int[] candidates = q.length() == 1
                ? byFirst.getOrDefault((int) q.charAt(0), NONE)
                : byPair.getOrDefault(SearchKeys.pair(q.charAt(0), q.charAt(1)), NONE);
        List<PersonRecord> whole = new ArrayList<>();
        for (int i : exact.getOrDefault(q, NONE)) {
            whole.add(people[i].person);
        }
        List<PersonRecord> fromStart = new ArrayList<>();
        List<PersonRecord> inside = new ArrayList<>();
        for (int i = 0; i < candidates.length && whole.size() + fromStart.size() < limit; i++) {
            int rank = people[candidates[i]].rank(q);
            if (rank == 1) {
                fromStart.add(people[candidates[i]].person);
            } else if (rank == 2 && whole.size() + inside.size() < limit) {
                inside.add(people[candidates[i]].person);
            }
        }
        List<PersonRecord> out = new ArrayList<>(limit);
        for (List<PersonRecord> group : List.of(whole, fromStart, inside)) {
            for (PersonRecord p : group) {
                if (out.size() == limit) {
                    return out;
                }
                out.add(p);
            }
        }
        return out;
    }

    /** Growable posting lists: person indexes per key, ascending, each added once. */
    private static final class Postings {
        private final Map<Integer, Growing> lists = new HashMap<>();

        void add(int key, int index) {
            lists.computeIfAbsent(key, k -> new Growing()).add(index);
        }

        Map<Integer, int[]> freeze() {
            Map<Integer, int[]> out = new HashMap<>(lists.size() * 2);
            lists.forEach((key, list) -> out.put(key, Arrays.copyOf(list.items, list.size)));
            return out;
        }
    }

    private static final class Growing {
        int[] items = new int[4];
        int size;

        void add(int index) {
            if (size > 0 && items[size - 1] == index) {
                return;
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = index;
        }
    }
}
