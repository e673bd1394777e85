package im.magpie.desktop.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cuts a result's text into plain and matching fragments, around the first match when the text is long. */
final class Highlights {
    /** Longest text shown in a result row; longer ones are cut around their first match. */
    static final int MAX_CHARS = 160;

    static final int CONTEXT_BEFORE = 30;

    private Highlights() {}

    static List<Fragment> fragments(String text, List<String> terms) {
        boolean[] hit = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        int first = -1;
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            String t = term.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length())) {
                // lower-casing keeps the length for the scripts we index; guard anyway
                for (int i = at; i < Math.min(hit.length, at + t.length()); i++) {
                    hit[i] = true;
                }
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        int start = 0;
        int end = text.length();
        if (end > MAX_CHARS) {
            start = first > CONTEXT_BEFORE ? first - CONTEXT_BEFORE : 0;
            end = Math.min(text.length(), start + MAX_CHARS);
            if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
                start--;
            }
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
        }
        List<Fragment> out = new ArrayList<>();
        if (start > 0) {
            out.add(new Fragment("…", false));
        }
        int i = start;
        while (i < end) {
            int j = i;
            while (j < end && hit[j] == hit[i]) {
                j++;
            }
            out.add(new Fragment(text.substring(i, j), hit[i]));
            i = j;
        }
        if (end < text.length()) {
            out.add(new Fragment("…", false));
        }
        return out;
    }
}
