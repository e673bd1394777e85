package im.magpie.client.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the tokens of the full-text index, and a query into the matching FTS5 expression.
 *
 * <p>SQLite's tokenizers cannot find one- and two-character Chinese words (unicode61 keeps a CJK run as one token,
 * trigram needs three characters), so the index holds two hidden columns generated here: {@code uni}, every CJK
 * character, and {@code bi}, every pair of adjacent CJK characters plus the lower-cased ASCII/alphanumeric words, in
 * text order. A one-character query matches {@code uni}; a longer CJK run becomes a phrase of its bigrams on
 * {@code bi}; a word becomes a prefix term on {@code bi}. All parts of a query must match.
 */
final class SearchTokens {
    /** Longest query (in characters) turned into an expression; the rest is ignored. */
    static final int MAX_QUERY_CHARS = 200;

    private SearchTokens() {}

    /** The two hidden columns for {@code text}: unigrams and bigrams/words. */
    static Columns index(String text) {
        StringBuilder uni = new StringBuilder();
        StringBuilder bi = new StringBuilder();
        for (Run run : runs(text)) {
            if (run.cjk()) {
                String s = run.text();
                int[] cps = s.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    append(uni, new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        append(bi, new String(cps, i, 2));
                    }
                }
            } else {
                append(bi, run.text().toLowerCase(Locale.ROOT));
            }
        }
        return new Columns(uni.toString(), bi.toString());
    }

    /** The FTS5 MATCH expression for a user query, or an empty string when the query has no searchable part. */
    static String matchExpression(String query) {
        String limited = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        List<String> parts = new ArrayList<>();
        for (Run run : runs(limited)) {
            if (!run.cjk()) {
                parts.add("bi : \"" + run.text().toLowerCase(Locale.ROOT) + "\" *");
                continue;
            }
            int[] cps = run.text().codePoints().toArray();
            if (cps.length == 1) {
                parts.add("uni : \"" + run.text() + "\"");
            } else {
                StringBuilder phrase = new StringBuilder();
                for (int i = 0; i + 1 < cps.length; i++) {
                    append(phrase, new String(cps, i, 2));
                }
                parts.add("bi : \"" + phrase + "\"");
            }
        }
        return String.join(" AND ", parts);
    }

    /** The runs of a query the index matches: CJK runs as they are, other words lower-cased. */
    static List<String> terms(String query) {
        String limited = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        return runs(limited).stream()
                .map(r -> r.cjk() ? r.text() : r.text().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static void append(StringBuilder sb, String token) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(token);
    }

    /** Splits text into maximal runs of CJK characters and of other letters/digits; everything else separates. */
    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentCjk = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean cjk = isCjk(cp);
            boolean word = !cjk && Character.isLetterOrDigit(cp);
            if ((!cjk && !word) || (current.length() > 0 && cjk != currentCjk)) {
                flush(runs, current, currentCjk);
            }
            if (cjk || word) {
                current.appendCodePoint(cp);
                currentCjk = cjk;
            }
        }
        flush(runs, current, currentCjk);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder current, boolean cjk) {
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), cjk));
            current.setLength(0);
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /** The hidden index columns of one message. */
    record Columns(String uni, String bi) {}

    private record Run(String text, boolean cjk) {}
}
