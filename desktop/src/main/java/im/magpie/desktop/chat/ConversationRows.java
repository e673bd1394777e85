package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;

/** Puts reloaded conversation rows in their place in the sorted list, touching only the rows between. */
final class ConversationRows {
    private ConversationRows() {}

    /**
     * {@code asked}: the conversations that were reloaded; {@code loaded}: their rows (one that is missing is gone from
     * the list). Each goes where {@link MainViewModel#LIST_ORDER} wants it; the list then replaces only the rows that
     * differ (a row moving to the top replaces the rows above its old place, so no row is ever missing meanwhile: the
     * open chat stays open).
     */
    static void place(ObservableList<ConversationRow> rows, Set<Long> asked, List<ConversationRow> loaded) {
        List<ConversationRow> next = new ArrayList<>(rows);
        for (long id : asked) {
            if (loaded.stream().noneMatch(r -> r.id() == id)) {
                next.removeIf(r -> r.id() == id);
            }
        }
        for (ConversationRow row : loaded) {
            next.removeIf(r -> r.id() == row.id());
            int to = Collections.binarySearch(next, row, MainViewModel.LIST_ORDER);
            next.add(to < 0 ? -to - 1 : to, row);
        }
        MainViewModel.replaceChanged(rows, next);
    }
}
