package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The history of one chat in its rows: the newest page with this device's unsent messages at opening; then, whenever
 * entries change, only what was stored after the newest entry read ({@link ChatPort#changesAfter}: new rows, and the
 * shown rows those entries changed), so that a message arriving costs one row, not a page (changes arriving while a
 * read runs are folded into one more read); and older pages of {@link #OLDER_PAGE} on demand. The next older page is
 * always fetched ahead, names included, off the FX thread, so that scrolling up finds it ready: the rows grow at once
 * and seldom.
 */
final class HistoryPages {
    /** The newest page, shown when the chat opens. */
    static final int PAGE = 50;
    /** Older pages: large, so that the list is prepended to seldom (each prepend re-lays out the visible rows). */
    static final int OLDER_PAGE = 200;

    /** What the chat does when a page is in (on the FX thread). */
    interface Arrivals {
        /** The newest page was merged into the rows. */
        void merged(List<MessageItem> page);

        /** The newest page was answered (merged, or it failed). */
        void newestAnswered();

        /** An older page was put above the rows. */
        void prepended(List<MessageItem> page);
    }

    /** The older page below {@code before}, being fetched or in. */
    private record Ahead(long before, CompletableFuture<List<Message>> page) {}

    private final ConversationRow conversation;
    private final ChatPort port;
    private final Executor fxThread;
    private final MessageRows rows;
    private final ObservableList<MessageItem> items;
    private final SenderNames names;
    private final RowMaker maker;
    private final BooleanSupplier disposed;
    private final Arrivals arrivals;
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(false);
    private boolean hasOlder = true;
    private final ReadOnlyBooleanWrapper newestLoaded = new ReadOnlyBooleanWrapper(false);
    private boolean loadingNewest;
    private boolean newestAgain;
    /** The highest seq read at the newest end (entries that show nothing included); -1 until the newest page is in. */
    private long newestSeq = -1;

    private @Nullable Ahead ahead;
    /** The lowest seq fetched so far (shown or not: notices are not shown in direct chats). */
    private long lowestFetched = Long.MAX_VALUE;

    HistoryPages(
            ConversationRow conversation,
            ChatPort port,
            Executor fxThread,
            MessageRows rows,
            SenderNames names,
            RowMaker maker,
            BooleanSupplier disposed,
            Arrivals arrivals) {
        this.conversation = conversation;
        this.port = port;
        this.fxThread = fxThread;
        this.rows = rows;
        this.items = rows.items();
        this.names = names;
        this.maker = maker;
        this.disposed = disposed;
        this.arrivals = arrivals;
    }

    ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    /** Whether the rows wait for an older page that is not in yet. */
    boolean loadingOlder() {
        return loadingOlder.get();
    }

    /** False once an older page came back empty: the first message is shown. */
    boolean hasOlder() {
        return hasOlder;
    }

    /** Whether the newest page was answered at least once. */
    boolean newestLoaded() {
        return newestLoaded.get();
    }

    /** Turns true once the newest page was answered: from then on, no rows means an empty chat. */
    ReadOnlyBooleanProperty newestLoadedProperty() {
        return newestLoaded.getReadOnlyProperty();
    }

    /** Loads the newest page and the unsent messages (at opening). */
    void loadNewest() {
        if (loadingNewest) {
            newestAgain = true;
            return;
        }
        loadingNewest = true;
        long id = conversation.id();
        var unused = port.messages(id, Long.MAX_VALUE, PAGE)
                .thenCombine(port.pending(id), Loaded::new)
                .thenCompose(l -> withNames(l.stored).thenApply(stored -> l))
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            loadingNewest = false;
                            if (loaded != null && !disposed.getAsBoolean()) {
                                fetched(loaded.stored);
                                newestSeq = Math.max(0, newestSeq);
                                for (Message m : loaded.stored) {
                                    newestSeq = Math.max(newestSeq, m.seq());
                                }
                                List<MessageItem> page = toRows(loaded.stored, loaded.pending);
                                rows.merge(page);
                                arrivals.merged(page);
                                if (!newestLoaded.get()) {
                                    var unusedAhead = fetchAhead(); // the next older page, ahead of need
                                }
                            }
                            answered();
                        },
                        fxThread);
    }

    /**
     * Entries of the conversation changed: reads what was stored after the newest entry read, with the unsent messages,
     * and puts it in (new rows after the newest, changed rows in place). Before the newest page is in, that page is
     * loaded instead. While a read runs, one more follows it.
     */
    void loadNewer() {
        if (loadingNewest) {
            newestAgain = true;
            return;
        }
        if (newestSeq < 0) {
            loadNewest();
            return;
        }
        loadingNewest = true;
        long id = conversation.id();
        var unused = port.changesAfter(id, newestSeq, OLDER_PAGE)
                .thenCombine(port.pending(id), Newer::new)
                .thenCompose(n -> withNames(n.all()).thenApply(stored -> n))
                .whenCompleteAsync(
                        (newer, failure) -> {
                            loadingNewest = false;
                            if (newer != null && !disposed.getAsBoolean()) {
                                LogChanges changes = newer.changes;
                                newestSeq = Math.max(newestSeq, changes.newestSeq());
                                rows.replaceShown(toRows(changes.changed(), List.of()));
                                List<MessageItem> page = toRows(changes.added(), newer.pending);
                                rows.merge(page);
                                arrivals.merged(page);
                                newestAgain |= changes.more();
                            }
                            answered();
                        },
                        fxThread);
    }

    /** A read at the newest end was answered (merged, or it failed): the next one, if changes came meanwhile. */
    private void answered() {
        newestLoaded.set(true);
        arrivals.newestAnswered();
        if (newestAgain && !disposed.getAsBoolean()) {
            newestAgain = false;
            loadNewer();
        }
    }

    /**
     * Puts the older page above the oldest shown message: at once when it was fetched ahead, else when it comes.
     * No-op while waiting for it or at the start of the history.
     */
    void loadOlder() {
        long oldest = oldest();
        if (loadingOlder.get() || !hasOlder || oldest <= 1) {
            return;
        }
        CompletableFuture<List<Message>> page = fetchAhead();
        @Nullable List<Message> ready = page.isDone() && !page.isCompletedExceptionally() ? page.join() : null;
        if (ready != null) {
            prepend(ready);
            return;
        }
        loadingOlder.set(true);
        var unused = page.whenCompleteAsync(
                (stored, failure) -> {
                    loadingOlder.set(false);
                    if (stored == null) {
                        ahead = null; // asked again next time
                    } else if (!disposed.getAsBoolean() && oldest() == oldest) {
                        prepend(stored);
                    }
                },
                fxThread);
    }

    private void prepend(List<Message> stored) {
        ahead = null;
        hasOlder = !stored.isEmpty();
        fetched(stored);
        List<MessageItem> page = toRows(stored, List.of());
        items.addAll(0, page);
        arrivals.prepended(page);
        var unused = fetchAhead(); // the next older page, ahead of need
        if (page.isEmpty() && hasOlder) {
            loadOlder(); // a page of only notices in a direct chat shows nothing: the next one then
        }
    }

    /** The older page below the oldest shown message: the one fetched ahead, or a new fetch. */
    private CompletableFuture<List<Message>> fetchAhead() {
        long oldest = oldest();
        Ahead a = ahead;
        if (a != null && a.before() == oldest) {
            return a.page();
        }
        if (!hasOlder || oldest <= 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<Message>> page =
                port.messages(conversation.id(), oldest, OLDER_PAGE).thenCompose(this::withNames);
        ahead = new Ahead(oldest, page);
        return page;
    }

    /** The seq older pages are fetched below; 0 when nothing was fetched yet. */
    private long oldest() {
        long shown = rows.oldestStoredSeq();
        if (lowestFetched == Long.MAX_VALUE) {
            return shown;
        }
        return shown == 0 ? lowestFetched : Math.min(shown, lowestFetched);
    }

    private void fetched(List<Message> stored) {
        for (Message m : stored) {
            lowestFetched = Math.min(lowestFetched, m.seq());
        }
    }

    private record Loaded(List<Message> stored, List<PendingMessage> pending) {}

    private record Newer(LogChanges changes, List<PendingMessage> pending) {
        List<Message> all() {
            List<Message> all = new ArrayList<>(changes.added());
            all.addAll(changes.changed());
            return all;
        }
    }

    /** Completes with {@code stored} once the names of the people in it are known. */
    private CompletableFuture<List<Message>> withNames(List<Message> stored) {
        return names.missing(stored).thenApply(found -> {
            names.addAll(found);
            return stored;
        });
    }

    private List<MessageItem> toRows(List<Message> stored, List<PendingMessage> pending) {
        List<MessageItem> out = new ArrayList<>(stored.size() + pending.size());
        boolean group = conversation.kind() == ConversationKind.GROUP;
        stored.stream().filter(m -> group || !m.isNotice()).forEach(m -> out.add(maker.stored(m)));
        pending.forEach(p -> out.add(maker.pending(p.clientMessageId(), p.createdMs(), p.content(), null)));
        return out;
    }
}
