package im.magpie.desktop.chat;

import java.util.IdentityHashMap;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The heights the chat's list measured for its rows, per row value and width. The list's hidden measuring cell
 * ({@code VirtualFlow.getCell}) measures rows to estimate the list's length and to scroll to a row; whenever the row
 * count changes the list forgets every height it measured, so it built rows it had measured before only to read their
 * height again (a third of the FX thread's allocation per arriving message, docs/performance.md). With the heights
 * kept here the measuring cell answers rows it has seen without building them ({@link MessageCell}).
 *
 * <p>A changed message is a new row value (rows are records, replaced when they change), so its old height is never
 * used again. Rows whose height changes while the value stays are not kept: files, folders and pictures (a transfer's
 * progress bar, a picture decoded later). What outside a row changes its height makes the kept heights stale: selection
 * mode and the "new messages" divider (all rows), the read marks (rows that show who read them).
 */
final class RowHeights {
    private record Height(double width, double bubbleWidth, long generation, long marks, double value) {}

    private final IdentityHashMap<MessageItem, Height> heights = new IdentityHashMap<>();
    private final Predicate<MessageItem> showsReaders;
    private long generation;
    private long marks;
    /** The width rows were last measured at. */
    private double width;

    /**
     * {@code rows}: the list's rows (heights of rows taken out are dropped); {@code changes}: what makes every kept
     * height stale; {@code readMarks} and {@code showsReaders}: the read marks and the rows whose height they change.
     */
    RowHeights(
            ObservableList<MessageItem> rows,
            Observable readMarks,
            Predicate<MessageItem> showsReaders,
            Observable... changes) {
        this.showsReaders = showsReaders;
        rows.addListener((ListChangeListener<MessageItem>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    c.getRemoved().forEach(heights::remove);
                }
            }
        });
        readMarks.addListener(o -> marks++);
        for (Observable o : changes) {
            o.addListener(x -> generation++);
        }
    }

    static RowHeights of(ChatViewModel vm) {
        ReadReceipts receipts = vm.readReceipts();
        return new RowHeights(
                vm.items(),
                receipts.marksProperty(),
                receipts::applies,
                vm.selection().activeProperty(),
                vm.firstNewProperty());
    }

    /** Whether a row's height is kept: its height changes only with its value (not a file or a picture). */
    static boolean keeps(MessageItem m) {
        return !m.isFile();
    }

    /** The height measured for {@code m} at these widths, or -1 when none is known (or it is stale). */
    double of(MessageItem m, double width, double bubbleWidth) {
        Height h = heights.get(m);
        if (h == null
                || h.width() != width
                || h.bubbleWidth() != bubbleWidth
                || h.generation() != generation
                || (h.marks() != marks && showsReaders.test(m))) {
            return -1;
        }
        return h.value();
    }

    /** Keeps the height a cell measured for {@code m} built at these widths (when {@link #keeps} allows). */
    void measured(MessageItem m, double width, double bubbleWidth, double height) {
        if (width > 0) {
            this.width = width;
            if (keeps(m)) {
                heights.put(m, new Height(width, bubbleWidth, generation, marks, height));
            }
        }
    }

    /** The width the list last measured a row at (every row of a list is measured at the list's width). */
    double width() {
        return width;
    }

    int size() {
        return heights.size();
    }
}
