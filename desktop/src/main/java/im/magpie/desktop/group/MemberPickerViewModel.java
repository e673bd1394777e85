package im.magpie.desktop.group;

import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State behind the member picker: search colleagues (name, account, pinyin), tick several, see them as chips, and
 * either create a group (its name defaults to the first names, "张伟、李娜、王芳") or add them to a group.
 */
public final class MemberPickerViewModel {
    /** Most people shown for one search. */
    static final int RESULTS = 200;
    /** Most people picked at once. */
    static final int MAX_PICKED = 500;
    /** Names in the default group name. */
    static final int NAME_PEOPLE = 3;

    static final int MAX_TITLE = 64;

    private final GroupPort port;
    private final Texts texts;
    private final Executor fxThread;
    private final long addTo;
    private final String groupTitle;
    private final Set<Long> present;
    private final LongConsumer done;

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<Contact> results = FXCollections.observableArrayList();
    private final ObservableList<Contact> picked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final StringBinding defaultName;
    private final BooleanBinding canConfirm;
    private String selfName = "";
    private int searches;

    private MemberPickerViewModel(
            GroupPort port,
            Texts texts,
            Executor fxThread,
            long addTo,
            String groupTitle,
            Set<Long> present,
            LongConsumer done) {
        this.port = port;
        this.groupTitle = groupTitle;
        this.texts = texts;
        this.fxThread = fxThread;
        this.addTo = addTo;
        this.present = Set.copyOf(present);
        this.done = done;
        defaultName = Bindings.createStringBinding(this::firstNames, picked);
        canConfirm = Bindings.createBooleanBinding(
                () -> !picked.isEmpty() && picked.size() <= MAX_PICKED && !busy.get(), picked, busy);
        query.addListener((o, was, now) -> search());
    }

    /** For "new group": {@code created} gets the new group's conversation id. */
    public static MemberPickerViewModel newGroup(GroupPort port, Texts texts, Executor fxThread, LongConsumer created) {
        return new MemberPickerViewModel(port, texts, fxThread, 0, "", Set.of(), created);
    }

    /**
     * For "add members" to the group {@code conversationId} called {@code title}, whose members are {@code present};
     * {@code added} gets its id.
     */
    public static MemberPickerViewModel addMembers(
            GroupPort port,
            Texts texts,
            Executor fxThread,
            long conversationId,
            String title,
            Set<Long> present,
            LongConsumer added) {
        return new MemberPickerViewModel(port, texts, fxThread, conversationId, title, present, added);
    }

    /** The window title when adding members: 添加成员到“周会”. */
    public String addTitle() {
        return texts.format("picker.addTitle", groupTitle);
    }

    /** Loads the first page of colleagues and the user's own name (the first of the default group name). */
    public void start() {
        search();
        var unused = port.person(port.selfUserId())
                .whenCompleteAsync(
                        (me, failure) -> {
                            if (me != null && me.isPresent()) {
                                selfName = shownName(me.get());
                                defaultName.invalidate();
                            }
                        },
                        fxThread);
    }

    /** Whether this picker creates a group (else it adds members to one). */
    public boolean creating() {
        return addTo == 0;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The group name typed by the user; blank means {@link #defaultNameBinding()}. */
    public StringProperty nameProperty() {
        return name;
    }

    /** "张伟、李娜、王芳": the user's name and the first picked names. */
    public StringBinding defaultNameBinding() {
        return defaultName;
    }

    public ObservableList<Contact> results() {
        return results;
    }

    /** The ticked colleagues, in the order ticked (the chips). */
    public ObservableList<Contact> picked() {
        return picked;
    }

    public BooleanBinding canConfirmBinding() {
        return canConfirm;
    }

    /** The last problem (translated); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the group was created or the members added (the window closes). */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the person is a member of the group already (shown ticked and fixed). */
    public boolean inGroup(Contact c) {
        return present.contains(c.userId());
    }

    public boolean isPicked(Contact c) {
        return picked.stream().anyMatch(p -> p.userId() == c.userId());
    }

    /** Ticks or unticks a colleague; members of the group stay as they are. */
    public void toggle(Contact c) {
        if (inGroup(c) || c.userId() == port.selfUserId()) {
            return;
        }
        error.set("");
        if (isPicked(c)) {
            picked.removeIf(p -> p.userId() == c.userId());
        } else if (picked.size() >= MAX_PICKED) {
            error.set(texts.format("picker.error.tooMany", MAX_PICKED));
        } else {
            picked.add(c);
        }
    }

    /** Creates the group or adds the picked people; on success {@code done} gets the conversation id. */
    public void confirm() {
        if (picked.isEmpty()) {
            error.set(texts.get("picker.error.members"));
            return;
        }
        if (!canConfirm.get()) {
            return;
        }
        String title =
                name.get().strip().isEmpty() ? defaultName.get() : name.get().strip();
        if (creating() && (title.isEmpty() || title.codePointCount(0, title.length()) > MAX_TITLE)) {
            error.set(texts.get("group.error.title"));
            return;
        }
        List<String> accounts = picked.stream().map(Contact::account).toList();
        busy.set(true);
        error.set("");
        CompletableFuture<Long> work = creating()
                ? port.createGroup(title, accounts)
                : port.addMembers(addTo, accounts).thenApply(v -> addTo);
        var unused = work.whenCompleteAsync(
                (id, failure) -> {
                    busy.set(false);
                    if (id != null) {
                        finished.set(true);
                        done.accept(id);
                    } else {
                        error.set(texts.get(GroupFailures.textKey(failure)));
                    }
                },
                fxThread);
    }

    /** Searches again; a late answer to an older query is dropped. */
    private void search() {
        int mine = ++searches;
        var unused = port.searchPeople(query.get().strip(), RESULTS)
                .whenCompleteAsync(
                        (found, failure) -> {
                            if (mine == searches && found != null) {
                                long self = port.selfUserId();
                                results.setAll(found.stream()
                                        .filter(c -> c.userId() != self)
                                        .toList());
                            }
                        },
                        fxThread);
    }

    private String firstNames() {
        List<String> names = new ArrayList<>();
        if (!selfName.isBlank()) {
            names.add(selfName);
        }
        picked.stream().limit(NAME_PEOPLE).forEach(c -> names.add(shownName(c)));
        String joined =
                String.join(texts.get("notice.nameSeparator"), names.subList(0, Math.min(NAME_PEOPLE, names.size())));
        return joined.codePointCount(0, joined.length()) <= MAX_TITLE
                ? joined
                : joined.substring(0, joined.offsetByCodePoints(0, MAX_TITLE));
    }

    /** The name a person is shown with: display name, else account. */
    static String shownName(Contact c) {
        return c.displayName().isBlank() ? c.account() : c.displayName();
    }
}
