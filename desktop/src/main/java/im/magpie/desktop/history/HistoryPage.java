package im.magpie.desktop.history;

import java.util.List;

/**
 * One page of search results; {@code next} is the cursor of the following page, 0 when there is none;
 * {@code terms} are the query's words as the index matched them (for highlighting).
 */
public record HistoryPage(List<HistoryHit> hits, long next, List<String> terms) {
    public HistoryPage {
        hits = List.copyOf(hits);
        terms = List.copyOf(terms);
    }
}
