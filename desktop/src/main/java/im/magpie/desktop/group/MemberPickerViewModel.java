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

    /** What confirming does. */
    enum Purpose {
        /** Create a group of the picked people. */
        NEW_GROUP,
        /** Add the picked people to a group. */
        ADD_MEMBERS,
        /** One person picked: open the direct chat with them; several: create a group of them. */
        START_CHAT
    }

    private final GroupPort port;
    private final Purpose purpose;
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
    private final BooleanBinding namesGroup;
    private String selfName = "";
    private int searches;
    private boolean refreshed;

    private MemberPickerViewModel(
            GroupPort port,
            Purpose purpose,
            Texts texts,
            Executor fxThread,
            long addTo,
            String groupTitle,
            Set<Long> present,
            LongConsumer done) {
        this.port = port;
        this.purpose = purpose;
        this.groupTitle = groupTitle;
        this.texts = texts;
        this.fxThread = fxThread;
        this.addTo = addTo;
        this.present = Set.copyOf(present);
        this.done = done;
        defaultName = Bindings.createStringBinding(this::firstNames, picked);
        canConfirm = Bindings.createBooleanBinding(
                () -> !picked.isEmpty() && picked.size() <= MAX_PICKED && !busy.get(), picked, busy);
        namesGroup = Bindings.createBooleanBinding(
                () -> purpose == Purpose.NEW_GROUP || (purpose == Purpose.START_CHAT && picked.size() > 1), picked);
        query.addListener((o, was, now) -> search());
    }

    /** For "new group": {@code created} gets the new group's conversation id. */
    public static MemberPickerViewModel newGroup(GroupPort port, Texts texts, Executor fxThread, LongConsumer created) {
        return new MemberPickerViewModel(port, Purpose.NEW_GROUP, texts, fxThread, 0, "", Set.of(), created);
    }

    /**
     * For "new chat": one picked colleague opens the direct chat with them, several make a group (as "new group");
     * {@code opened} gets the conversation's id.
     */
    public static MemberPickerViewModel startChat(GroupPort port, Texts texts, Executor fxThread, LongConsumer opened) {
        return new MemberPickerViewModel(port, Purpose.START_CHAT, texts, fxThread, 0, "", Set.of(), opened);
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
        return new MemberPickerViewModel(
                port, Purpose.ADD_MEMBERS, texts, fxThread, conversationId, title, present, added);
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

    /** The window title: 发起群聊, 发起聊天 or 添加成员到“周会”. */
    public String title() {
        return switch (purpose) {
            case NEW_GROUP -> texts.get("picker.newTitle");
            case START_CHAT -> texts.get("picker.startTitle");
            case ADD_MEMBERS -> texts.format("picker.addTitle", groupTitle);
        };
    }

    /** The hint above the (still empty) picked list. */
    public String noneHint() {
        return texts.get(purpose == Purpose.START_CHAT ? "picker.startNone" : "picker.none");
    }

    /** Whether the picked people become a group that needs a name (new group; new chat with several people). */
    public BooleanBinding namesGroupBinding() {
        return namesGroup;
    }

    /** The confirm button's text: 创建, 添加, or for a new chat 开始聊天 (one person) / 创建群聊 (several). */
    public StringBinding confirmTextBinding() {
        return Bindings.createStringBinding(
                () -> switch (purpose) {
                    case NEW_GROUP -> texts.get("picker.create");
                    case ADD_MEMBERS -> texts.get("picker.add");
                    case START_CHAT -> texts.get(picked.size() > 1 ? "picker.createGroup" : "picker.startChat");
                },
                picked);
    }

    /** Whether a double click on a colleague confirms at once (new chat with nobody else picked). */
    public boolean opensOnDoubleClick() {
        return purpose == Purpose.START_CHAT && picked.size() <= 1;
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

    /**
     * Creates the group, adds the picked people, or (new chat with one person) opens the direct chat; on success
     * {@code done} gets the conversation id.
     */
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
        if (namesGroup.get() && (title.isEmpty() || title.codePointCount(0, title.length()) > MAX_TITLE)) {
            error.set(texts.get("group.error.title"));
            return;
        }
        List<String> accounts = picked.stream().map(Contact::account).toList();
        busy.set(true);
        error.set("");
        CompletableFuture<Long> work = purpose == Purpose.ADD_MEMBERS
                ? port.addMembers(addTo, accounts).thenApply(v -> addTo)
                : namesGroup.get() ? port.createGroup(title, accounts) : port.openChat(picked.get(0));
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

    /**
     * Searches again; a late answer to an older query is dropped. An empty people cache (the first sign-in on this
     * device, before the contacts section was opened) is filled from the server once, then searched again.
     */
    private void search() {
        int mine = ++searches;
        String q = query.get().strip();
        var unused = port.searchPeople(q, RESULTS)
                .whenCompleteAsync(
                        (found, failure) -> {
                            if (mine != searches || found == null) {
                                return;
                            }
                            long self = port.selfUserId();
                            results.setAll(found.stream()
                                    .filter(c -> c.userId() != self)
                                    .toList());
                            if (q.isEmpty() && found.isEmpty() && !refreshed) {
                                refreshed = true;
                                var unusedRefresh =
                                        port.refreshPeople().whenCompleteAsync((n, f) -> search(), fxThread);
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
