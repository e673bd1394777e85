package im.magpie.desktop.contacts;

import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * State behind the contacts section: the people shown (everyone, or the matches of the search text), the selected
 * one for the contact card, everyone's presence, and the "message" action.
 */
public final class ContactsViewModel {
    /** How many matches a search shows at most (a blank search shows everyone; the list is virtualised). */
    static final int SEARCH_LIMIT = 500;
    /** Presence is watched for the first people of the list. */
    static final int PRESENCE_WATCH = 500;
    /** How many people "frequent contacts" lists. */
    static final int FREQUENT_LIMIT = 30;

    /** Which people the list shows: the whole directory (or the search's matches), or the frequent contacts. */
    public enum Scope {
        ALL,
        FREQUENT
    }

    private final ContactsPort port;
    private final Texts texts;
    private final Executor fxThread;
    private final LongConsumer openConversation;
    private final Consumer<Map<Long, Presence>> presenceListener = this::presenceChanged;

    private final ObservableList<Contact> shown = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final ObjectProperty<@Nullable Contact> selected = new SimpleObjectProperty<>();
    private final ObservableMap<Long, Presence> presence = FXCollections.observableHashMap();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private long searchGeneration;

    /** {@code openConversation} shows a conversation by id (the shell switches to the chats). */
    public ContactsViewModel(ContactsPort port, Texts texts, Executor fxThread, LongConsumer openConversation) {
        this.port = port;
        this.texts = texts;
        this.fxThread = fxThread;
        this.openConversation = openConversation;
        query.addListener((o, was, now) -> {
            if (!now.isBlank() && scope.get() == Scope.FREQUENT) {
                scope.set(Scope.ALL); // a search always looks through everyone; the scope listener searches
            } else {
                search();
            }
        });
        scope.addListener((o, was, now) -> search());
    }

    /** Which people the list shows; a search switches back to {@link Scope#ALL}. */
    public ReadOnlyObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Shows everyone ("all colleagues"), clearing the search. */
    public void showAll() {
        query.set("");
        scope.set(Scope.ALL);
    }

    /** Shows the people the user writes to most (M14), clearing the search. */
    public void showFrequent() {
        query.set("");
        scope.set(Scope.FREQUENT);
    }

    /** Shows the cached directory at once, then refreshes it from the server. */
    public void start() {
        port.addPresenceListener(presenceListener);
        search();
        var unused = port.refresh()
                .whenCompleteAsync(
                        (count, failure) -> {
                            if (failure != null) {
                                error.set(texts.get("contacts.error.refresh"));
                            } else {
                                error.set("");
                                search();
                            }
                        },
                        fxThread);
    }

    public void dispose() {
        port.removePresenceListener(presenceListener);
    }

    public ObservableList<Contact> shown() {
        return shown;
    }

    /** The search text: name, account, full pinyin or initials. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<@Nullable Contact> selectedProperty() {
        return selected;
    }

    public ObservableMap<Long, Presence> presence() {
        return presence;
    }

    /** Everyone in the directory (for the "all colleagues" count). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The last failure (translated); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Presence presenceOf(long userId) {
        return presence.getOrDefault(userId, Presence.UNKNOWN);
    }

    /** The presence as words ("在线", "离开", "离线"); empty while unknown. */
    public String presenceText(long userId) {
        return switch (presenceOf(userId)) {
            case ONLINE -> texts.get("presence.online");
            case AWAY -> texts.get("presence.away");
            case OFFLINE -> texts.get("presence.offline");
            case UNKNOWN -> "";
        };
    }

    public boolean isSelf(Contact c) {
        return c.userId() == port.selfUserId();
    }

    /** Opens the chat with the selected contact. */
    public void message() {
        Contact c = selected.get();
        if (c == null) {
            return;
        }
        error.set("");
        var unused = port.openChat(c)
                .whenCompleteAsync(
                        (id, failure) -> {
                            if (id != null) {
                                openConversation.accept(id);
                            } else {
                                error.set(texts.get("contacts.error.open"));
                            }
                        },
                        fxThread);
    }

    private void search() {
        long generation = ++searchGeneration;
        String q = query.get();
        var unusedCount = port.count().thenAcceptAsync(total::set, fxThread);
        int limit = q.isBlank() ? Integer.MAX_VALUE : SEARCH_LIMIT;
        var unused = (scope.get() == Scope.FREQUENT ? port.frequent(FREQUENT_LIMIT) : port.search(q, limit))
                .whenCompleteAsync(
                        (found, failure) -> {
                            if (generation != searchGeneration) {
                                return; // a newer search is on its way
                            }
                            if (found == null) {
                                error.set(texts.get("contacts.error.refresh"));
                                return;
                            }
                            Contact keep = selected.get();
                            shown.setAll(found);
                            if (keep != null && !found.contains(keep)) {
                                selected.set(found.stream()
                                        .filter(c -> c.userId() == keep.userId())
                                        .findFirst()
                                        .orElse(null));
                            }
                            watch(found);
                        },
                        fxThread);
    }

    private void watch(List<Contact> list) {
        List<Long> ids =
                list.stream().limit(PRESENCE_WATCH).map(Contact::userId).toList();
        if (ids.isEmpty()) {
            return;
        }
        var unused = port.watchPresence(ids).thenAcceptAsync(presence::putAll, fxThread);
    }

    private void presenceChanged(Map<Long, Presence> changes) {
        fxThread.execute(() -> presence.putAll(changes));
    }
}
