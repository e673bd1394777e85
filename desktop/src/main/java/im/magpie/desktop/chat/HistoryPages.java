package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * The history of one chat in its rows: the newest page with this device's unsent messages (at opening and whenever
 * entries change), older pages on demand, each with the names of the people in it.
 */
final class HistoryPages {
    static final int PAGE = 50;

    /** What the chat does when a page is in (on the FX thread). */
    interface Arrivals {
        /** The newest page was merged into the rows. */
        void merged(List<MessageItem> page);

        /** The newest page was answered (merged, or it failed). */
        void newestAnswered();

        /** An older page was put above the rows. */
        void prepended(List<MessageItem> page);
    }

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
    private boolean newestLoaded;

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

    boolean loadingOlder() {
        return loadingOlder.get();
    }

    /** False once an older page came back empty: the first message is shown. */
    boolean hasOlder() {
        return hasOlder;
    }

    /** Whether the newest page was answered at least once. */
    boolean newestLoaded() {
        return newestLoaded;
    }

    void loadNewest() {
        long id = conversation.id();
        var unused = port.messages(id, Long.MAX_VALUE, PAGE)
                .thenCombine(port.pending(id), Loaded::new)
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            if (loaded != null && !disposed.getAsBoolean()) {
                                rows.merge(loaded.items);
                                arrivals.merged(loaded.items);
                            }
                            newestLoaded = true;
                            arrivals.newestAnswered();
                        },
                        fxThread);
    }

    /** Loads the page before the oldest shown message; no-op while loading or at the start of the history. */
    void loadOlder() {
        long oldest = rows.oldestStoredSeq();
        if (loadingOlder.get() || !hasOlder || oldest <= 1) {
            return;
        }
        loadingOlder.set(true);
        var unused = port.messages(conversation.id(), oldest, PAGE)
                .thenApply(page -> new Loaded(page, List.of()))
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            loadingOlder.set(false);
                            if (loaded == null || disposed.getAsBoolean()) {
                                return;
                            }
                            hasOlder = !loaded.items.isEmpty();
                            items.addAll(0, loaded.items);
                            arrivals.prepended(loaded.items);
                        },
                        fxThread);
    }

    private record Loaded(List<Message> stored, List<PendingMessage> pending, List<MessageItem> items) {
        Loaded(List<Message> stored, List<PendingMessage> pending) {
            this(stored, pending, List.of());
        }
    }

    private CompletableFuture<Loaded> withNames(Loaded l) {
        return names.missing(l.stored)
                .thenApplyAsync(
                        found -> {
                            names.addAll(found);
                            List<MessageItem> out = new ArrayList<>();
                            boolean group = conversation.kind() == ConversationKind.GROUP;
                            l.stored.stream()
                                    .filter(m -> group || !m.isNotice())
                                    .forEach(m -> out.add(maker.stored(m)));
                            l.pending.forEach(
                                    p -> out.add(maker.pending(p.clientMessageId(), p.createdMs(), p.content(), null)));
                            return new Loaded(l.stored, l.pending, out);
                        },
                        fxThread);
    }
}
