package im.magpie.client.store;

import java.util.List;

/**
 * One page of search results, most recently stored first. {@code next} is the cursor for the following page
 * ({@link MessageSearch#after}), 0 when this is the last one.
 */
public record SearchPage(List<EntryRecord> entries, long next) {
    public static final SearchPage EMPTY = new SearchPage(List.of(), 0);

    public SearchPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return next != 0;
    }
}
