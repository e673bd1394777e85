package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State behind the main window: the conversation list (names, previews, unread counts), which one is open, the
 * connection banner, the "session ended" notice and the new chat / new group / file transfer actions.
 */
public final class MainViewModel implements ChatEvents {

    private final ChatPort port;
    private final MessageTexts words;
    private final Executor fxThread;

    private final ObservableList<ConversationRow> rows = FXCollections.observableArrayList();
    private final LongProperty selectedId = new SimpleLongProperty(0);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper sessionEnded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper("");
    private boolean refreshing;
    private boolean refreshAgain;
    /** Conversations whose entries changed while a load ran. */
    private final Set<Long> changed = new HashSet<>();
    /** Conversations the client library said changed, not yet taken by the FX thread (guarded by itself). */
    private final Set<Long> arrived = new HashSet<>();
    /** The whole list was asked for (guarded by {@link #arrived}). */
    private boolean arrivedAll;
    /** A {@link #reloadArrived()} is on its way to the FX thread (guarded by {@link #arrived}). */
    private boolean arrivedPosted;

    public MainViewModel(ChatPort port, MessageTexts words, Executor fxThread) {
        this.port = port;
        this.words = words;
        this.fxThread = fxThread;
    }

    /** Starts listening and loads the list. */
    public void start() {
        port.addListener(this);
        online.set(port.online());
        selectedId.addListener((o, was, now) -> refresh());
        refresh();
    }

    public void dispose() {
        port.removeListener(this);
    }

    public ObservableList<ConversationRow> rows() {
        return rows;
    }

    /** The open conversation; 0 when none. */
    public LongProperty selectedIdProperty() {
        return selectedId;
    }

    public Optional<ConversationRow> selected() {
        return rows.stream().filter(r -> r.id() == selectedId.get()).findFirst();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Why the server ended the session (translated); empty while it lasts. */
    public ReadOnlyStringProperty sessionEndedProperty() {
        return sessionEnded.getReadOnlyProperty();
    }

    /** The last new chat / new group failure (translated); empty when none. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    public long selfUserId() {
        return port.selfUserId();
    }

    /** Reloads the list; calls arriving while a load runs are folded into one more load. */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        changed.clear(); // the whole list covers them
        var unused = port.conversations()
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            if (loaded != null) {
                                replaceChanged(
                                        rows,
                                        loaded.stream().map(this::readWhileOpen).toList());
                            }
                            loadEnded();
                        },
                        fxThread);
    }

    /**
     * Reloads the rows of conversations whose entries changed and moves them to their place; the rest of the list
     * stays. A change that may touch others (the file transfer assistant carries the user's settings of every
     * conversation) or an unknown conversation reloads the whole list. Folded like {@link #refresh()}.
     */
    void refreshChanged(Set<Long> ids) {
        boolean targeted = ids.stream().allMatch(id -> {
            ConversationRow r = row(id);
            return r != null && r.kind() != ConversationKind.SELF;
        });
        if (!targeted) {
            refresh();
            return;
        }
        if (refreshing) {
            if (!refreshAgain) {
                changed.addAll(ids);
            }
            return;
        }
        refreshing = true;
        var unused = port.conversations(Set.copyOf(ids))
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            if (loaded != null) {
                                ConversationRows.place(
                                        rows,
                                        ids,
                                        loaded.stream().map(this::readWhileOpen).toList());
                            }
                            loadEnded();
                        },
                        fxThread);
    }

    /** Starts what was asked while a load ran: the whole list again, or the conversations that changed meanwhile. */
    private void loadEnded() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        } else if (!changed.isEmpty()) {
            Set<Long> next = Set.copyOf(changed);
            changed.clear();
            refreshChanged(next);
        }
    }

    /**
     * Makes {@code list} equal to {@code next}, replacing only the rows that differ: a message arriving in the open
     * chat changes one row, and the list redraws one cell, not every visible one.
     */
    static <T> void replaceChanged(ObservableList<T> list, List<T> next) {
        if (list.size() != next.size()) {
            list.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!list.get(i).equals(next.get(i))) {
                list.set(i, next.get(i));
            }
        }
    }

    /** The open conversation is read as it is shown: no badge for it. */
    private ConversationRow readWhileOpen(ConversationRow r) {
        return r.id() != selectedId.get() || r.unread() == 0 ? r : r.withUnread(0);
    }

    /** Pinned conversations first, then the most recent activity first. */
    static final Comparator<ConversationRow> LIST_ORDER = Comparator.comparing(ConversationRow::pinned)
            .reversed()
            .thenComparing(Comparator.comparingLong(ConversationRow::timeMs).reversed());

    private CompletableFuture<List<ConversationRow>> withNames(List<ConversationInfo> conversations) {
        long self = port.selfUserId();
        Set<Long> ids = new HashSet<>();
        for (ConversationInfo c : conversations) {
            if (c.kind() == ConversationKind.DIRECT) {
                ids.add(c.peer(self));
            }
            if (c.last() != null) {
                ids.add(c.last().senderId());
            }
        }
        return port.displayNames(ids).thenApply(names -> {
            List<ConversationRow> out = new ArrayList<>();
            for (ConversationInfo c : conversations) {
                out.add(row(c, names, self));
            }
            out.sort(LIST_ORDER);
            return out;
        });
    }

    private ConversationRow row(ConversationInfo c, Map<Long, String> names, long self) {
        String name = name(c, names, self);
        Message last = c.last();
        String preview = "";
        String time = "";
        long timeMs = 0;
        if (last != null) {
            String sender = last.senderId() == self
                    ? words.texts().get("message.you")
                    : names.getOrDefault(last.senderId(), "#" + last.senderId());
            // a direct chat's only notices are its setting up ("you added 2 members"): no preview, but the time
            preview = c.kind() == ConversationKind.DIRECT && last.content() instanceof Content.Notice
                    ? ""
                    : words.preview(last.content(), last.recalled(), sender, c.kind() == ConversationKind.GROUP);
            time = words.listTime(last.timeMs());
            timeMs = last.timeMs();
        }
        String initials = c.kind() == ConversationKind.DIRECT ? MessageTexts.initials(name) : "";
        long lastSeq = last == null ? 0 : last.seq();
        long avatarId = c.kind() == ConversationKind.DIRECT ? c.peer(self) : c.id();
        return new ConversationRow(
                c.id(),
                avatarId,
                c.kind(),
                name,
                initials,
                preview,
                time,
                timeMs,
                c.unread(),
                c.myReadSeq(),
                lastSeq,
                c.memberIds().size(),
                c.muted(),
                c.pinned());
    }

    private String name(ConversationInfo c, Map<Long, String> names, long self) {
        return switch (c.kind()) {
            case SELF -> words.texts().get("conversation.self");
            case GROUP -> c.title().isBlank() ? words.texts().get("conversation.untitledGroup") : c.title();
            case DIRECT -> {
                long peer = c.peer(self);
                yield names.getOrDefault(peer, "#" + peer);
            }
        };
    }

    /** Opens (creating when needed) the direct chat with {@code account} and selects it. */
    public void newChat(String account) {
        String a = account.strip();
        if (a.isEmpty() || a.length() > 256) {
            actionError.set(words.texts().get("newChat.error.account"));
            return;
        }
        run(port.openDirect(a));
    }

    /** Mutes (do not disturb) or unmutes a conversation; the list shows it once the change came back by sync. */
    public void setMuted(long conversationId, boolean muted) {
        settingsChange(port.setMuted(conversationId, muted));
    }

    /** Pins or unpins a conversation; the list reorders once the change came back by sync. */
    public void setPinned(long conversationId, boolean pinned) {
        settingsChange(port.setPinned(conversationId, pinned));
    }

    private void settingsChange(CompletableFuture<Void> change) {
        actionError.set("");
        var unused = change.whenCompleteAsync(
                (done, failure) -> {
                    if (failure != null) {
                        actionError.set(words.texts().get(ChatFailures.textKey(failure)));
                    }
                    refresh();
                },
                fxThread);
    }

    /** Opens the file transfer assistant (the user's own devices). */
    public void openFileTransfer() {
        run(port.openSelf());
    }

    private void run(CompletableFuture<ConversationInfo> action) {
        actionError.set("");
        var unused = action.whenCompleteAsync(
                (c, failure) -> {
                    if (c != null) {
                        selectedId.set(c.id());
                        refresh();
                    } else {
                        actionError.set(words.texts().get(ChatFailures.textKey(failure)));
                    }
                },
                fxThread);
    }

    /**
     * Reloads the rows of these conversations only: every sync batch reports the conversations it touched, and
     * reloading the whole list for each one was most of what a stream of arriving messages allocated
     * (docs/performance.md, "Round 5, stalls"). Unknown conversations still reload the whole list.
     */
    @Override
    public void entriesChanged(Set<Long> conversationIds) {
        if (!conversationIds.isEmpty()) {
            arrived(conversationIds, false);
        }
    }

    /** As {@link #entriesChanged}; no ids at all reloads the whole list. */
    @Override
    public void conversationsChanged(Set<Long> conversationIds) {
        arrived(conversationIds, conversationIds.isEmpty());
    }

    /**
     * On a client thread: notes the conversations to reload and asks the FX thread once. A sync batch tells both its
     * entries and its conversations' states, one after the other; they become one reload, not two
     * (docs/performance.md, "Round 7").
     */
    private void arrived(Set<Long> conversationIds, boolean all) {
        synchronized (arrived) {
            arrivedAll |= all;
            arrived.addAll(conversationIds);
            if (arrivedPosted) {
                return;
            }
            arrivedPosted = true;
        }
        fxThread.execute(this::reloadArrived);
    }

    private void reloadArrived() {
        Set<Long> ids;
        boolean all;
        synchronized (arrived) {
            ids = Set.copyOf(arrived);
            all = arrivedAll;
            arrived.clear();
            arrivedAll = false;
            arrivedPosted = false;
        }
        if (all) {
            refresh();
        } else if (!ids.isEmpty()) {
            refreshChanged(ids);
        }
    }

    @Override
    public void connectionChanged(boolean isOnline) {
        fxThread.execute(() -> online.set(isOnline));
    }

    @Override
    public void sessionEnded(String reason) {
        fxThread.execute(() -> sessionEnded.set(words.texts().get("session.ended")));
    }

    /** For tests and the view: the row of a conversation. */
    public @Nullable ConversationRow row(long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }
}
