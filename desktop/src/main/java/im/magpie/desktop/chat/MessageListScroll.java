package im.magpie.desktop.chat;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.jspecify.annotations.Nullable;

/**
 * How the chat's message list scrolls: it follows the newest message while that is shown, keeps its place when older
 * pages go in above, offers "new messages" when messages arrive while the user reads further up (never pulling the
 * list away from what they read), and asks for the older page when the top comes near.
 */
final class MessageListScroll {
    /** Scrolled up to this many rows from the top, the chat asks for the older page. */
    static final int NEAR_TOP_ROWS = 50;

    private final ListView<MessageItem> list;
    private final ObservableList<MessageItem> items;
    private final Runnable loadOlder;
    private final ReadOnlyBooleanWrapper newBelow = new ReadOnlyBooleanWrapper(false);
    /** The list's virtual flow, once its skin is there. */
    private @Nullable VirtualFlow<?> flow;
    /** An older page was asked for and the request has not run yet. */
    private boolean olderAsked;
    /**
     * The list stays at its newest message: it was opened there, followed a new message or the user scrolled down to
     * it. Rows that grow afterwards (a picture decoded, a file's progress) keep the newest in view.
     */
    private boolean following = true;
    /** After each layout of the scene: the newest row back in view while the list follows it. */
    private final Runnable keepNewest = this::keepNewest;
    /** The list's horizontal scroll bar, once its skin is there (it takes room from the rows when shown). */
    private @Nullable ScrollBar across;
    /** The last correction jumped towards the newest row by index and it is not in view yet. */
    private boolean jumped;
    /** The list is being moved to its newest row: not the user's scrolling (no older page is asked for). */
    private boolean pinning;
    /**
     * The list laid out rows at least once. Before, a move cannot take it anywhere (it has no scroll bar yet) and does
     * not end following: the chat still opens at its newest message.
     */
    private boolean rowsLaidOut;

    /** {@code loadOlder}: puts the older page above the rows (no-op while one is on its way or at the first). */
    MessageListScroll(ListView<MessageItem> list, Runnable loadOlder) {
        this.list = list;
        this.items = list.getItems();
        this.loadOlder = loadOlder;
        items.addListener((ListChangeListener<MessageItem>) change -> {
            if (flow == null) { // rows before the list is shown: the newest once it is
                Platform.runLater(this::toNewestWhileFollowing);
            }
        });
        list.skinProperty().addListener((o, was, skin) -> attach());
        // whether the list follows its newest message is the user's choice: it stops at once when they move away
        // (before the next layout could pull the list back) and resumes when they come back down to the newest
        // (a move that cannot go away from the newest, a click on a message or a key typed, never ends following)
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                movedAway();
                if (nearTop()) {
                    // at the top a scroll up moves no scroll bar: without this ask, a list that got there without its
                    // older page (its read failed, offline) would never ask again however often the user scrolls
                    askOlderSoon();
                }
            } else if (e.getDeltaY() < 0) {
                maybeBackAtNewest();
            }
            inSteps(e);
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (inScrollBar(e.getTarget())) {
                movedAway(); // a page up in the track or the arrow at the top scroll at the press
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> movedAway());
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> maybeBackAtNewest());
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isNavigationKey()) {
                movedAway();
            }
        });
        list.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(keepNewest);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(keepNewest);
            }
        });
    }

    /**
     * The user scrolled up, dragged, pressed in the scroll bar or pressed a navigation key: possibly away from the
     * newest. Following stops at once (before the next layout could pull the list back) and resumes right after the
     * move when it ended at the newest row (End, a drag down to the bottom).
     */
    private void movedAway() {
        if (!rowsLaidOut) {
            // following goes on: a fling in the pulse that lays out the first page (before the deferred scroll to
            // the newest ran) would skip that scroll and leave the list at its top, where a scroll up moves no scroll
            // bar and so never asks for an older page (ChatPagesFromOpeningTest)
            return;
        }
        following = false;
        maybeBackAtNewest();
    }

    /**
     * The user scrolled down, or released the mouse: following resumes when the list shows the newest row after the
     * move. It is never ended here: while a chat opens (the rows in, not yet laid out or pinned, or grown since) the
     * newest row may not be in view yet, and a click on a message then turned following off and left the list short of
     * its newest message.
     */
    private void maybeBackAtNewest() {
        Platform.runLater(() -> following = following || newestInView());
    }

    /** Whether {@code target} is the list's scroll bar or a part of it (track, thumb, arrows). */
    private static boolean inScrollBar(@Nullable Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ScrollBar) {
                return true;
            }
            if (n instanceof ListView<?>) {
                return false;
            }
        }
        return false;
    }

    /** Whether messages came in below what the list shows (the "new messages" button is offered). */
    ReadOnlyBooleanProperty newBelowProperty() {
        return newBelow.getReadOnlyProperty();
    }

    /** Shows the row at {@code index} at the top (a message revealed, the first unread): the list stops following. */
    void reveal(int index) {
        following = false;
        list.scrollTo(index);
    }

    /** Shows the newest message (the "new messages" button). */
    void scrollToNewest() {
        newBelow.set(false);
        following = true;
        list.scrollTo(items.size() - 1);
    }

    /**
     * New rows at the end: followed while the list follows its newest row (it may not be laid out or pinned yet: a page
     * that comes in two parts), when the newest row was shown or one of them is the user's own; else offered.
     * Rows put in at the top: the row that was at the top stays there (the page may come while it is not the first one
     * yet). Heard after the list's skin, so that the list already counts the new rows.
     */
    private void changed(ListChangeListener.Change<? extends MessageItem> change) {
        while (change.next()) {
            if (!change.wasAdded() || change.wasReplaced()) {
                continue;
            }
            int size = items.size();
            if (change.getFrom() == 0 && change.getTo() < size) {
                VirtualFlow<?> f = flow;
                IndexedCell<?> top = f == null ? null : f.getFirstVisibleCell();
                // at once, before the list draws the new rows in the old rows' place (it heard of them first)
                list.scrollTo(change.getAddedSize() + (top == null ? 0 : Math.max(0, top.getIndex())));
            } else if (following
                    || showsNewest(size - change.getAddedSize())
                    || change.getAddedSubList().stream().anyMatch(MessageItem::mine)) {
                newBelow.set(false);
                following = true;
                Platform.runLater(this::toNewestWhileFollowing);
            } else {
                newBelow.set(true);
            }
        }
    }

    /**
     * Scrolls a long wheel or touchpad move (a fling) in steps of at most half the list's height. In one step longer
     * than the list is high, JavaFX's {@code VirtualFlow} drops every row, places the next ones from its estimated row
     * heights and, when the estimate lands past the last row, jumps to the newest message (position 1); scrolling up
     * through a long history then starts again from the bottom.
     */
    private void inSteps(ScrollEvent e) {
        VirtualFlow<?> f = flow;
        double step = f == null ? 0 : f.getHeight() / 2;
        double left = e.getDeltaY();
        if (f == null
                || step < 1
                || e.getTextDeltaYUnits() != ScrollEvent.VerticalTextScrollUnits.NONE
                || Math.abs(left) <= step) {
            return; // the list scrolls it itself
        }
        e.consume();
        while (Math.abs(left) >= 1) {
            double now = Math.copySign(Math.min(step, Math.abs(left)), left);
            f.scrollPixels(-now);
            left -= now;
        }
    }

    /**
     * Scrolls to the newest row by index unless the user scrolled away in the meantime (never yanked back down); a move
     * before the list laid out any rows is no move away ({@link #movedAway}).
     */
    private void toNewestWhileFollowing() {
        if (following && !items.isEmpty()) {
            list.scrollTo(items.size() - 1);
        }
    }

    /** Whether the last of {@code rows} (the rows before a change) was at least partly in view; true before any. */
    private boolean showsNewest(int rows) {
        VirtualFlow<?> f = flow;
        IndexedCell<?> last = f == null ? null : f.getLastVisibleCell();
        if (rows == 0 || f == null || last == null) {
            return true;
        }
        return last.getIndex() >= rows - 1 && last.getLayoutY() < f.getHeight();
    }

    /** Whether the newest row is in view down to its bottom edge (the user scrolled down to it). */
    private boolean newestInFullView() {
        VirtualFlow<?> f = flow;
        IndexedCell<?> last = f == null ? null : f.getLastVisibleCell();
        return f != null
                && last != null
                && last.getIndex() == items.size() - 1
                && last.getLayoutY() + last.getHeight() <= f.getHeight() + 1;
    }

    private void attach() {
        boolean first = flow == null;
        flow = list.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        if (first) {
            // after the skin's own listener: a change reaches this one once the list knows of it
            items.addListener((ListChangeListener<MessageItem>) this::changed);
        }
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty()
                        .addListener((o, before, now) -> scrolled(bar, before.doubleValue(), now.doubleValue()));
            } else if (n instanceof ScrollBar bar) {
                across = bar;
            }
        }
    }

    /**
     * While the list follows its newest message, puts that row's bottom edge at the list's bottom after every layout:
     * when the first page came after the list was laid out, when rows grew (a picture decoded, a later font, a
     * narrower window, a taller composer). It moves by the pixels of the rows laid out: {@code ListView.scrollTo} goes
     * by the heights the list measured for rows when it last laid them out, and rows that grew since, out of view, made
     * it stop short of the newest row or leave the list at its top (the zh-CN screenshots).
     */
    private void keepNewest() {
        VirtualFlow<?> f = flow;
        IndexedCell<?> last = f == null ? null : f.getLastVisibleCell();
        rowsLaidOut |= last != null && !items.isEmpty();
        if (!following || f == null || last == null || items.isEmpty()) {
            jumped = false;
            return;
        }
        double height = rowsHeight(f);
        pinning = true;
        try {
            if (last.getIndex() == items.size() - 1) {
                jumped = false;
                double below = last.getLayoutY() + last.getHeight() - height;
                IndexedCell<?> first = f.getFirstVisibleCell();
                boolean above = first != null && (first.getIndex() > 0 || first.getLayoutY() < 0);
                if (below > 0.5 && last.getLayoutY() > 0) {
                    scrollDown(f, Math.min(below, last.getLayoutY())); // a row taller than the list: its top
                } else if (below < -0.5 && above) {
                    f.scrollPixels(below); // rows shrank: no gap under the newest
                }
            } else if (!jumped) {
                jumped = true;
                list.scrollTo(items.size() - 1); // far: by index, then to the pixel after the next layout
            } else {
                jumped = false;
                scrollDown(f, height); // the jump fell short: a screen further, measuring the rows it brings in
            }
        } finally {
            pinning = false;
        }
    }

    /**
     * Scrolls the rows up by {@code px}. At position 1 (which the list may have reached on rows' old heights while the
     * newest row is still below) the flow refuses to move down: it is moved up a pixel first.
     */
    private static void scrollDown(VirtualFlow<?> f, double px) {
        double by = px;
        if (f.getPosition() >= 1) {
            by -= f.scrollPixels(-1);
        }
        f.scrollPixels(by);
    }

    /** The height the rows are shown in: the list's, less the horizontal scroll bar when it is shown. */
    private double rowsHeight(VirtualFlow<?> f) {
        ScrollBar bar = across;
        return f.getHeight() - (bar != null && bar.isVisible() ? bar.getHeight() : 0);
    }

    /** The newest row shown down to its bottom edge, or from its top when it is taller than the list. */
    private boolean newestInView() {
        VirtualFlow<?> f = flow;
        IndexedCell<?> last = f == null ? null : f.getLastVisibleCell();
        return f != null
                && last != null
                && last.getIndex() == items.size() - 1
                && (last.getLayoutY() + last.getHeight() <= f.getHeight() + 1 || last.getLayoutY() <= 0);
    }

    /**
     * Asks for older messages while the list is scrolled up near its top, so that the page fetched ahead goes in before
     * the top is reached; the "new messages" offer ends once the newest row is in view.
     */
    private void scrolled(ScrollBar bar, double before, double now) {
        if (pinning) {
            return;
        }
        boolean atTop = now <= bar.getMin() && bar.getVisibleAmount() < bar.getMax();
        if (atTop || (now < before && nearTop())) {
            askOlderSoon();
        }
        if (newBelow.get() && now > before && newestInFullView()) {
            newBelow.set(false);
        }
    }

    /** Asks for the older page right after the list's own scrolling and layout, once however often asked meanwhile. */
    private void askOlderSoon() {
        if (olderAsked) {
            return;
        }
        olderAsked = true;
        Platform.runLater(() -> {
            olderAsked = false;
            if (nearTop()) {
                loadOlder.run();
            }
        });
    }

    private boolean nearTop() {
        VirtualFlow<?> f = flow;
        IndexedCell<?> first = f == null ? null : f.getFirstVisibleCell();
        return first != null && first.getIndex() < NEAR_TOP_ROWS;
    }
}
