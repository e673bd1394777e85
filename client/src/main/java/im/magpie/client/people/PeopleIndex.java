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
 * can match before any key is compared: by the query's first character, and by its first two ({@link PostingLists},
 * packed as differences: a byte per entry for most lists); accounts that start with the query are found in the
 * accounts' sorted order ({@link AccountOrder}). Lookups by id and by whole name or account are binary searches in
 * packed {@code long} arrays (no boxed maps).
 *
 * <p>A query matches a person by name characters, account, full pinyin, pinyin initials, or a mix ("zhangs", "张s",
 * "zs"), from the start of the name or from any later character; polyphonic characters match every reading.
 * Results: whole-name/account matches, then matches from the start, then the rest; each group in name order.
 */
public final class PeopleIndex {
    private final SearchKeys[] people;
    /** Every user id, ascending; {@link #idPositions} holds each one's position in {@link #people}. */
    private final long[] ids;

    private final int[] idPositions;
    /** {@code hash(key) << 32 | position} for every whole name and account, sorted. */
    private final long[] exact;

    private final PostingLists byFirst;
    private final PostingLists byPair;
    /** The same for matches from the start of the name only (ranked first, with {@link #accounts}' prefixes). */
    private final PostingLists byStartFirst;

    private final PostingLists byStartPair;
    private final AccountOrder accounts;

    private PeopleIndex(SearchKeys[] people) {
        this.people = people;
        Integer[] order = new Integer[people.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> people[i].person.userId()));
        this.ids = new long[people.length];
        this.idPositions = new int[people.length];
        for (int k = 0; k < order.length; k++) {
            ids[k] = people[order[k]].person.userId();
            idPositions[k] = order[k];
        }
        long[] keys = new long[people.length * 2];
        int n = 0;
        PostingLists.Builder first = new PostingLists.Builder();
        PostingLists.Builder pairs = new PostingLists.Builder();
        PostingLists.Builder startFirst = new PostingLists.Builder();
        PostingLists.Builder startPairs = new PostingLists.Builder();
        for (int i = 0; i < people.length; i++) {
            keys[n++] = exactKey(people[i].name, i);
            if (!people[i].account.equals(people[i].name)) {
                keys[n++] = exactKey(people[i].account, i);
            }
            int index = i;
            people[i].firsts(key -> first.add(key, index));
            people[i].pairs(key -> pairs.add(key, index));
            people[i].startFirsts(key -> startFirst.add(key, index));
            people[i].startPairs(key -> startPairs.add(key, index));
        }
        this.exact = Arrays.copyOf(keys, n);
        Arrays.sort(exact);
        this.byFirst = first.build();
        this.byPair = pairs.build();
        this.byStartFirst = startFirst.build();
        this.byStartPair = startPairs.build();
        this.accounts = new AccountOrder(people);
    }

    /** Builds the index of {@code people} (any order), reading pinyin from {@code pinyin}. */
    public static PeopleIndex of(List<PersonRecord> people, PinyinTable pinyin) {
        SearchKeys[] keys = new SearchKeys[people.size()];
        String[] sortKeys = new String[keys.length];
        Integer[] order = new Integer[keys.length];
        Map<String, SearchKeys.Unit> words = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new SearchKeys(people.get(i), pinyin, words);
            sortKeys[i] = keys[i].sortKey();
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparing((Integer i) -> sortKeys[i])
                        .thenComparing(i -> keys[i].name)
                        .thenComparingLong(i -> keys[i].person.userId()));
        SearchKeys[] sorted = new SearchKeys[keys.length];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = keys[order[k]];
        }
        return new PeopleIndex(sorted);
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
        int k = Arrays.binarySearch(ids, userId);
        return k < 0 ? Optional.empty() : Optional.of(people[idPositions[k]].person);
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
        List<PersonRecord> whole = new ArrayList<>();
        int hash = q.hashCode();
        for (int k = lowerBound(exact, (long) hash << 32); k < exact.length && (int) (exact[k] >> 32) == hash; k++) {
            SearchKeys p = people[(int) exact[k]];
            if (q.equals(p.name) || q.equals(p.account)) {
                whole.add(p.person);
            }
        }
        // Two walks, each stopping once the page is full: the people a match can start at the start of the name,
        // merged in name order with those whose account starts with the query (rank 1), then everyone who has the
        // query's first characters anywhere else (rank 2). A candidate missing a character of the query is skipped
        // without walking its units.
        long needed = SearchKeys.letters(q);
        List<PersonRecord> fromStart = new ArrayList<>();
        Positions names = postings(q, byStartFirst, byStartPair);
        Positions account = accounts.startingWith(q, limit);
        int nextName = names.next();
        int nextAccount = account.next();
        while (whole.size() + fromStart.size() < limit) {
            int i = Math.min(nextName, nextAccount);
            if (i == Positions.END) {
                break;
            }
            if (i == nextName) {
                nextName = names.next();
            }
            if (i == nextAccount) {
                nextAccount = account.next();
            }
            SearchKeys p = people[i];
            if ((p.letters & needed) == needed && p.rank(q) == 1) {
                fromStart.add(p.person);
            }
        }
        List<PersonRecord> inside = new ArrayList<>();
        Positions later = postings(q, byFirst, byPair);
        for (int i = later.next(); i != Positions.END; i = later.next()) {
            if (whole.size() + fromStart.size() + inside.size() >= limit) {
                break;
            }
            SearchKeys p = people[i];
            if ((p.letters & needed) == needed && p.rank(q) == 2) {
                inside.add(p.person);
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

    private static Positions postings(String q, PostingLists byChar, PostingLists byTwo) {
        return q.length() == 1 ? byChar.walk(q.charAt(0)) : byTwo.walk(SearchKeys.pair(q.charAt(0), q.charAt(1)));
    }

    private static long exactKey(String key, int position) {
        return (long) key.hashCode() << 32 | position;
    }

    /** The first index of {@code sorted} whose value is at least {@code value}. */
    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
