package im.magpie.desktop.history;

import im.magpie.desktop.chat.MessageTexts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State behind the history viewer: the query (words, conversation, sender, first and last day), the results page by
 * page with their highlighted text, a status line, and "jump to context".
 */
public final class HistoryViewModel {
    static final int PAGE = 50;
    static final int MAX_TEXT_CHARS = 200;

    private final HistoryPort port;
    private final MessageTexts words;
    private final ZoneId zone;
    private final Executor fxThread;
    private final MessageOpener opener;
    private final Map<Long, String> conversationNames = new HashMap<>();
    private final Map<Long, String> peopleNames = new HashMap<>();

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Choice> conversation;
    private final ObjectProperty<Choice> sender;
    private final ObjectProperty<@Nullable LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable LocalDate> toDay = new SimpleObjectProperty<>();
    private final ObservableList<Choice> conversations = FXCollections.observableArrayList();
    private final ObservableList<Choice> people = FXCollections.observableArrayList();
    private final ObservableList<HistoryResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<@Nullable HistoryHit> jumped = new ReadOnlyObjectWrapper<>();
    private @Nullable HistoryQuery nextPage;
    private int generation;

    /**
     * @param conversationChoices the user's conversations by shown name (the conversation filter)
     * @param zone the time zone of the date filter and of the times shown
     */
    public HistoryViewModel(
            HistoryPort port,
            MessageTexts words,
            List<Choice> conversationChoices,
            ZoneId zone,
            MessageOpener opener,
            Executor fxThread) {
        this.port = port;
        this.words = words;
        this.zone = zone;
        this.opener = opener;
        this.fxThread = fxThread;
        Choice anyConversation = new Choice(0, words.texts().get("history.anyConversation"));
        Choice anyone = new Choice(0, words.texts().get("history.anyone"));
        conversations.add(anyConversation);
        conversations.addAll(conversationChoices);
        conversationChoices.forEach(c -> conversationNames.put(c.id(), c.name()));
        people.add(anyone);
        conversation = new SimpleObjectProperty<>(anyConversation);
        sender = new SimpleObjectProperty<>(anyone);
    }

    /** Loads the people of the sender filter. */
    public void start() {
        var unused = port.people()
                .whenCompleteAsync(
                        (list, failure) -> {
                            if (list != null) {
                                people.addAll(list);
                                list.forEach(p -> peopleNames.put(p.id(), p.name()));
                            }
                        },
                        fxThread);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Choice> conversationProperty() {
        return conversation;
    }

    public ObjectProperty<Choice> senderProperty() {
        return sender;
    }

    /** The first day searched (inclusive); null for no lower bound. */
    public ObjectProperty<@Nullable LocalDate> fromDayProperty() {
        return fromDay;
    }

    /** The last day searched (inclusive); null for no upper bound. */
    public ObjectProperty<@Nullable LocalDate> toDayProperty() {
        return toDay;
    }

    public ObservableList<Choice> conversations() {
        return conversations;
    }

    public ObservableList<Choice> people() {
        return people;
    }

    public ObservableList<HistoryResult> results() {
        return results;
    }

    /** What happened: "Searching…", "23 messages", "No messages found", or why the query is refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether {@link #loadMore()} would find more results. */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Selects the conversation filter (0: any), e.g. when opened from a chat. */
    public void restrictTo(long conversationId) {
        conversations.stream().filter(c -> c.id() == conversationId).findFirst().ifPresent(conversation::set);
    }

    /** Starts a new search with the current query; a query that cannot be run says why and changes nothing. */
    public void search() {
        String t = text.get().strip();
        LocalDate from = fromDay.get();
        LocalDate to = toDay.get();
        Choice c = conversation.get();
        Choice s = sender.get();
        String refusal = "";
        if (t.length() > MAX_TEXT_CHARS) {
            refusal = words.texts().format("history.error.tooLong", MAX_TEXT_CHARS);
        } else if (from != null && to != null && from.isAfter(to)) {
            refusal = words.texts().get("history.error.dates");
        } else if (t.isEmpty() && c.id() == 0 && s.id() == 0 && from == null && to == null) {
            refusal = words.texts().get("history.hint");
        }
        if (!refusal.isEmpty()) {
            status.set(refusal);
            return;
        }
        long fromMs = from == null ? 0 : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long untilMs = to == null
                ? Long.MAX_VALUE
                : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        generation++;
        results.clear();
        hasMore.set(false);
        run(new HistoryQuery(t, c.id(), s.id(), Math.max(0, fromMs), untilMs, Long.MAX_VALUE, PAGE));
    }

    /** Appends the next page of the current search; no-op while searching or at the end. */
    public void loadMore() {
        HistoryQuery q = nextPage;
        if (q != null && !searching.get()) {
            run(q);
        }
    }

    /** Opens the result's conversation scrolled to its message. */
    public void jumpTo(HistoryResult result) {
        opener.showMessage(result.hit().conversationId(), result.hit().seq());
        jumped.set(result.hit());
    }

    /** The message the user last jumped to, once it was shown in the main window (the viewer then gives way). */
    public ReadOnlyObjectProperty<@Nullable HistoryHit> jumpedProperty() {
        return jumped.getReadOnlyProperty();
    }

    private void run(HistoryQuery q) {
        int mine = generation;
        nextPage = null;
        searching.set(true);
        status.set(words.texts().get("history.searching"));
        var unused = port.search(q)
                .whenCompleteAsync(
                        (page, failure) -> {
                            if (mine != generation) {
                                return;
                            }
                            searching.set(false);
                            if (page == null) {
                                status.set(words.texts().get("history.error.failed"));
                                return;
                            }
                            page.hits().forEach(h -> results.add(result(h, page.terms())));
                            nextPage = page.next() == 0 ? null : q.next(page.next());
                            hasMore.set(nextPage != null);
                            status.set(
                                    results.isEmpty()
                                            ? words.texts().get("history.none")
                                            : words.texts()
                                                    .format(
                                                            hasMore.get() ? "history.countMore" : "history.count",
                                                            results.size()));
                        },
                        fxThread);
    }

    private HistoryResult result(HistoryHit h, List<String> terms) {
        String who = peopleNames.getOrDefault(h.senderId(), "#" + h.senderId());
        String where = conversationNames.getOrDefault(h.conversationId(), "#" + h.conversationId());
        if (where.equals(who)) {
            where = ""; // a direct chat is named after the other person: their message would name them twice
        }
        return new HistoryResult(h, who, where, words.bubbleTime(h.timeMs()), Highlights.fragments(h.text(), terms));
    }
}
