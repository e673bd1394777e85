package im.magpie.client.people;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Everyone's account in sorted order, so that the people whose account starts with a query are one binary search away
 * however many accounts share the query's first letters (a company's accounts often all start alike: "user1",
 * "user2", …; a posting list by first characters would hold all of them).
 */
final class AccountOrder {
    private final SearchKeys[] people;
    /** Positions in {@link #people}, sorted by account (then position). */
    private final int[] order;

    AccountOrder(SearchKeys[] people) {
        this.people = people;
        Integer[] sorted = new Integer[people.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, Comparator.comparing((Integer i) -> people[i].account));
        this.order = new int[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            order[k] = sorted[k];
        }
    }

    /**
     * The people whose account starts with {@code prefix} (not empty), in name order, for a page of {@code limit}: a
     * short range of accounts is sorted by position at once; a long one (where a page's matches lie close together
     * in name order) is found by checking everyone in name order, which stops as soon as the caller does.
     */
    Positions startingWith(String prefix, int limit) {
        int lo = firstWhere(k -> people[order[k]].account.compareTo(prefix) >= 0);
        int hi = firstWhere(
                k -> people[order[k]].account.compareTo(prefix) > 0 && !people[order[k]].account.startsWith(prefix));
        long range = (long) hi - lo;
        // sorting costs about the range; checking in name order about limit × people / range accounts
        if (range * range <= 2L * limit * people.length) {
            int[] positions = Arrays.copyOfRange(order, lo, hi);
            Arrays.sort(positions);
            return new Positions() {
                private int k;

                @Override
                public int next() {
                    return k < positions.length ? positions[k++] : END;
                }
            };
        }
        return new Positions() {
            private int i;

            @Override
            public int next() {
                while (i < people.length) {
                    int at = i++;
                    if (people[at].account.startsWith(prefix)) {
                        return at;
                    }
                }
                return END;
            }
        };
    }

    /** The first index of {@link #order} where {@code test} holds (it holds from some index on), or its length. */
    private int firstWhere(IndexTest test) {
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.holds(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @FunctionalInterface
    private interface IndexTest {
        boolean holds(int index);
    }
}
