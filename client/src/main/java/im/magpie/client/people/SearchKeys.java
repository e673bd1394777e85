package im.magpie.client.people;

import im.magpie.client.store.PersonRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The normalised search keys of one person, computed once: lowercased name and account without blanks, and the name
 * split into units (a Chinese character, or a run of letters and digits), each with the ways it may be typed.
 */
final class SearchKeys {
    /** A unit of the name: its literal text and, for a Chinese character, its pinyin readings. */
    record Unit(String literal, List<String> readings) {}

    /** Longer queries are matched against name and account text only (the position set is one {@code long}). */
    static final int MAX_PINYIN_QUERY = 62;

    final PersonRecord person;
    /** The name and account compacted; the record's own strings when they already are (most are). */
    final String name;

    final String account;
    /** Chinese characters are units shared by everyone whose name has them ({@link PinyinTable#unit}). */
    final Unit[] units;
    /**
     * Every character that can be typed to find this person (of the name, the account and every reading), one bit
     * per character class ({@link #letters(String)}): a query with a character outside it cannot match, so most
     * candidates of a long query are rejected without walking their units.
     */
    final long letters;

    /**
     * The keys of {@code person}; a run of letters and digits becomes the unit in {@code words} with its text (added
     * when new), so that everyone with the same Latin name or number shares it.
     */
    SearchKeys(PersonRecord person, PinyinTable pinyin, Map<String, Unit> words) {
        this.person = person;
        this.name = compactOrSame(person.displayName());
        this.account = compactOrSame(person.account());
        List<Unit> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        String lower = person.displayName().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            @Nullable Unit unit = Character.isSurrogate(c) ? null : pinyin.unit(c);
            if (unit != null) {
                flush(run, out, words);
                out.add(unit);
            } else if (Character.isLetterOrDigit(c)) {
                run.append(c);
            } else {
                flush(run, out, words);
            }
        }
        flush(run, out, words);
        this.units = out.toArray(Unit[]::new);
        long mask = letters(name) | letters(account);
        for (Unit u : units) {
            mask |= letters(u.literal());
            for (String r : u.readings()) {
                mask |= letters(r);
            }
        }
        this.letters = mask;
    }

    /**
     * The character classes of {@code text}: a bit per Latin letter and per digit, and the remaining characters
     * folded into the other 28 bits. A person whose {@link #letters} lack a bit of the query's cannot match it.
     */
    static long letters(String text) {
        long mask = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                mask |= 1L << (c - 'a');
            } else if (c >= '0' && c <= '9') {
                mask |= 1L << (26 + c - '0');
            } else {
                mask |= 1L << (36 + c % 28);
            }
        }
        return mask;
    }

    /** The name as the list sorts it: the first reading of every unit (computed when the index is built). */
    String sortKey() {
        StringBuilder sort = new StringBuilder();
        for (Unit u : units) {
            sort.append(u.readings().get(0));
        }
        return sort.toString();
    }

    private static void flush(StringBuilder run, List<Unit> out, Map<String, Unit> words) {
        if (run.length() > 0) {
            out.add(words.computeIfAbsent(run.toString(), word -> new Unit(word, List.of(word))));
            run.setLength(0);
        }
    }

    private static String compactOrSame(String text) {
        String c = compact(text);
        return c.equals(text) ? text : c;
    }

    /** Lowercase without any whitespace: how both the keys and the query are compared. */
    static String compact(String text) {
        StringBuilder b = new StringBuilder(text.length());
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * How well {@code q} (compacted, not empty) matches, whole-name and whole-account matches aside (the index finds
     * those by key): 1 from the start of the name (characters, full pinyin, initials or a mix) or of the account, 2
     * from a later unit or inside name or account, 0 not at all (or exactly; see above).
     */
    int rank(String q) {
        if (q.equals(name) || q.equals(account)) {
            return 0;
        }
        if (from(0, q) || account.startsWith(q)) {
            return 1;
        }
        for (int k = 1; k < units.length; k++) {
            if (from(k, q)) {
                return 2;
            }
        }
        return name.contains(q) || account.contains(q) ? 2 : 0;
    }

    /**
     * Whether {@code q} can be typed starting at unit {@code k}: each unit as its character, a full reading, or just
     * the reading's initial, the query possibly ending inside the last one. Walks the units once, keeping the set of
     * query positions reached as a bit mask (so polyphonic names cost no backtracking).
     */
    private boolean from(int k, String q) {
        if (q.length() > MAX_PINYIN_QUERY) {
            return false;
        }
        long reached = 1L; // bit j: q[0..j) typed so far
        for (int u = k; u < units.length && reached != 0; u++) {
            Unit unit = units[u];
            long next = 0;
            for (long bits = reached; bits != 0; bits &= bits - 1) {
                int j = Long.numberOfTrailingZeros(bits);
                if (j == q.length()) {
                    return true;
                }
                int left = q.length() - j;
                String literal = unit.literal();
                if (left <= literal.length() && literal.regionMatches(0, q, j, left)) {
                    return true;
                }
                if (q.startsWith(literal, j)) {
                    next |= 1L << (j + literal.length());
                }
                for (String r : unit.readings()) {
                    if (r.charAt(0) != q.charAt(j)) {
                        continue;
                    }
                    if (left <= r.length() && r.regionMatches(0, q, j, left)) {
                        return true; // the query ends inside (or at the end of) this reading
                    }
                    if (q.startsWith(r, j)) {
                        next |= 1L << (j + r.length());
                    }
                    next |= 1L << (j + 1); // just the initial
                }
            }
            reached = next;
        }
        return (reached & (1L << q.length())) != 0;
    }

    /**
     * Every first character a match other than from the start of the account can start with (for the index; a match
     * from the account's start ranks first and is found by the sorted accounts); see {@link #pairs}.
     */
    void firsts(IntSink sink) {
        for (int k = 0; k < units.length; k++) {
            unitFirsts(k, sink);
        }
        chars(name, 0, sink);
        chars(account, 1, sink);
    }

    /** Every first character a match from the start of the name (rank 1) can start with. */
    void startFirsts(IntSink sink) {
        if (units.length > 0) {
            unitFirsts(0, sink);
        }
    }

    /** Every pair of first two characters a match of two or more characters, not from the account's start, can start with. */
    void pairs(IntSink sink) {
        for (int k = 0; k < units.length; k++) {
            unitPairs(k, sink);
        }
        pairsOf(name, 0, sink);
        pairsOf(account, 1, sink);
    }

    /** Every pair of first two characters a match from the start of the name can start with. */
    void startPairs(IntSink sink) {
        if (units.length > 0) {
            unitPairs(0, sink);
        }
    }

    private void unitFirsts(int k, IntSink sink) {
        Unit u = units[k];
        sink.add(u.literal().charAt(0));
        for (String r : u.readings()) {
            sink.add(r.charAt(0));
        }
    }

    private void unitPairs(int k, IntSink sink) {
        Unit u = units[k];
        unitPairs(u.literal(), k, sink);
        for (String r : u.readings()) {
            unitPairs(r, k, sink);
            next(r.charAt(0), k, sink); // initial, then the next unit
        }
    }

    private void unitPairs(String option, int k, IntSink sink) {
        if (option.length() >= 2) {
            sink.add(pair(option.charAt(0), option.charAt(1)));
        } else {
            next(option.charAt(0), k, sink);
        }
    }

    private void next(char first, int k, IntSink sink) {
        if (k + 1 < units.length) {
            Unit n = units[k + 1];
            sink.add(pair(first, n.literal().charAt(0)));
            for (String r : n.readings()) {
                sink.add(pair(first, r.charAt(0)));
            }
        }
    }

    private static void chars(String s, int from, IntSink sink) {
        for (int i = from; i < s.length(); i++) {
            sink.add(s.charAt(i));
        }
    }

    private static void pairsOf(String s, int from, IntSink sink) {
        for (int i = from; i + 1 < s.length(); i++) {
            sink.add(pair(s.charAt(i), s.charAt(i + 1)));
        }
    }

    static int pair(char a, char b) {
        return (a << 16) | b;
    }

    /** Receives index keys. */
    @FunctionalInterface
    interface IntSink {
        void add(int key);
    }
}
