package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.jspecify.annotations.Nullable;

/**
 * The "forward to" picker of one message, or of several forwarded one by one ("逐条转发"): the user's conversations,
 * most recent first, narrowed by a search over their names and titles (text, full pinyin, initials:
 * {@link ConversationSearch}, as the conversation list searches) and, through the client's people search, the accounts
 * of direct-chat partners; several may be checked, and "send" forwards the messages, in order, to each of them.
 */
public final class ForwardViewModel {
    private final ChatPort port;
    private final long conversationId;
    /** The messages not forwarded yet, in chat order: after a failure "send" goes on with the rest. */
    private final List<Long> remaining;

    private final int messageCount;
    private final List<ConversationRow> all;
    private final Executor fxThread;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ConversationRow> shown = FXCollections.observableArrayList();
    private final ObservableSet<Long> chosen = FXCollections.observableSet();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;
    private final MessageTexts words;
    private int searches;
    private final ConversationSearch names;

    /**
     * {@code seqs}: the messages, in chat order (one, or the ticked ones of {@link MessageSelection}); {@code rows}: the
     * conversation list in its order (pinned, then most recent first).
     */
    public ForwardViewModel(
            ChatPort port,
            long conversationId,
            List<Long> seqs,
            List<ConversationRow> rows,
            MessageTexts words,
            Executor fxThread) {
        this.port = port;
        this.conversationId = conversationId;
        this.remaining = new ArrayList<>(seqs);
        this.messageCount = seqs.size();
        this.all = List.copyOf(rows);
        this.names = new ConversationSearch(port::memberSearch);
        this.fxThread = fxThread;
        this.words = words;
        shown.setAll(all);
        canSend = Bindings.createBooleanBinding(() -> !chosen.isEmpty() && !sending.get(), chosen, sending);
        query.addListener((o, was, now) -> search(now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The conversations matching the query, in list order. */
    public ObservableList<ConversationRow> shown() {
        return shown;
    }

    /** The ids of the checked conversations. */
    public ObservableSet<Long> chosen() {
        return chosen;
    }

    public void toggle(long id) {
        if (!chosen.remove(id)) {
            chosen.add(id);
        }
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** How many messages go out (more than one: the dialog says they go one by one). */
    public int messageCount() {
        return messageCount;
    }

    /** True once every message went to every checked conversation: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public MessageTexts words() {
        return words;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Forwards the messages to the checked conversations (in list order), one message after the other, so each chat
     * receives them in the order they were written.
     */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        List<Long> targets =
                all.stream().map(ConversationRow::id).filter(chosen::contains).toList();
        sending.set(true);
        problem.set("");
        next(targets);
    }

    private void next(List<Long> targets) {
        if (remaining.isEmpty()) {
            sending.set(false);
            done.set(true);
            return;
        }
        var unused = port.forward(conversationId, remaining.get(0), targets)
                .whenCompleteAsync((ids, failure) -> sent(targets, failure), fxThread);
    }

    private void sent(List<Long> targets, @Nullable Throwable failure) {
        if (failure != null) {
            sending.set(false);
            problem.set(words.texts().get(ChatFailures.textKey(failure)));
            return;
        }
        remaining.remove(0);
        next(targets);
    }

    private void search(String text) {
        String q = text.strip().toLowerCase(Locale.ROOT);
        int mine = ++searches;
        if (q.isEmpty()) {
            shown.setAll(all);
            return;
        }
        var unused = port.peopleMatching(q)
                .whenCompleteAsync(
                        (people, failure) -> {
                            if (mine == searches) { // a later search replaced this one
                                shown.setAll(matching(q, people == null ? Set.of() : people));
                            }
                        },
                        fxThread);
    }

    private List<ConversationRow> matching(String q, Set<Long> people) {
        Set<Long> named = names.matching(all, q);
        List<ConversationRow> out = new ArrayList<>();
        for (ConversationRow r : all) {
            boolean peer = r.kind() == ConversationKind.DIRECT && people.contains(r.avatarId());
            if (peer || named.contains(r.id())) {
                out.add(r);
            }
        }
        return out;
    }
}
