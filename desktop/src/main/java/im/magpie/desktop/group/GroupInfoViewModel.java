package im.magpie.desktop.group;

import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.i18n.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State behind the group info panel: title (renamed inline by the owner and admins), members with roles and presence,
 * add / remove / admin / hand over, mute and leave. Changes made elsewhere (other devices, other members) arrive as
 * {@link GroupEvents#groupsChanged()} and reload the panel.
 */
public final class GroupInfoViewModel implements GroupEvents {
    static final int MAX_TITLE = 64;

    private final GroupPort port;
    private final Texts texts;
    private final Executor fxThread;
    private final long conversationId;
    private final long self;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<Member> members = FXCollections.observableArrayList();
    private final ObservableMap<Long, Presence> presence = FXCollections.observableHashMap();
    private final ObjectProperty<MemberRole> myRole = new SimpleObjectProperty<>(MemberRole.MEMBER);
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Set<Long> watched = new HashSet<>();
    private boolean showingMuted;
    private boolean loading;
    private boolean loadAgain;
    private boolean disposed;

    public GroupInfoViewModel(GroupPort port, Texts texts, Executor fxThread, long conversationId) {
        this.port = port;
        this.texts = texts;
        this.fxThread = fxThread;
        this.conversationId = conversationId;
        this.self = port.selfUserId();
        muted.addListener((o, was, now) -> {
            if (!showingMuted) {
                act(port.setMuted(conversationId, now));
            }
        });
    }

    public void start() {
        port.addListener(this);
        load();
    }

    /** Stops listening and watching presence (the panel closed). */
    public void dispose() {
        disposed = true;
        port.removeListener(this);
        if (!watched.isEmpty()) {
            var unused = port.unwatchPresence(Set.copyOf(watched));
            watched.clear();
        }
    }

    public long conversationId() {
        return conversationId;
    }

    public long selfUserId() {
        return self;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Members with roles, longest-standing first. */
    public ObservableList<Member> members() {
        return members;
    }

    /** Presence of the members, as far as known. */
    public ObservableMap<Long, Presence> presence() {
        return presence;
    }

    public Presence presenceOf(long userId) {
        return presence.getOrDefault(userId, Presence.UNKNOWN);
    }

    public ReadOnlyObjectProperty<MemberRole> myRoleProperty() {
        return myRole;
    }

    /** The user's mute (do not disturb) setting; setting it changes it on all of the user's devices. */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** True once the user no longer belongs to the group (left, or removed by someone else). */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** The last failure (translated); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean canRename() {
        return myRole.get().manages();
    }

    /** Owners remove anyone else; admins remove plain members. */
    public boolean canRemove(Member m) {
        MemberRole me = myRole.get();
        return m.userId() != self
                && (me == MemberRole.OWNER || (me == MemberRole.ADMIN && m.role() == MemberRole.MEMBER));
    }

    /** Only the owner makes and unmakes admins and hands the group over. */
    public boolean canChangeRole(Member m) {
        return myRole.get() == MemberRole.OWNER && m.userId() != self && m.role() != MemberRole.OWNER;
    }

    /** Renames the group; a blank or too long title is refused here, with nothing sent. */
    public boolean rename(String newTitle) {
        String t = newTitle.strip();
        if (t.isEmpty()
                || t.codePointCount(0, t.length()) > MAX_TITLE
                || t.chars().anyMatch(Character::isISOControl)) {
            error.set(texts.get("group.error.title"));
            return false;
        }
        if (t.equals(title.get())) {
            return true;
        }
        act(port.rename(conversationId, t));
        return true;
    }

    public void remove(Member m) {
        if (canRemove(m)) {
            act(port.removeMember(conversationId, m.account()));
        }
    }

    /** Makes a member an admin ({@code true}) or a plain member again. */
    public void setAdmin(Member m, boolean admin) {
        if (canChangeRole(m)) {
            act(port.setRole(conversationId, m.userId(), admin ? MemberRole.ADMIN : MemberRole.MEMBER));
        }
    }

    /** Hands the group over to {@code m}; the user becomes an admin. */
    public void makeOwner(Member m) {
        if (canChangeRole(m)) {
            act(port.setRole(conversationId, m.userId(), MemberRole.OWNER));
        }
    }

    /**
     * Who becomes the owner when the owning user leaves (the server's rule: the longest-standing admin, else the
     * longest-standing member); empty when the user is not the owner or alone.
     */
    public Optional<Member> successor() {
        if (myRole.get() != MemberRole.OWNER) {
            return Optional.empty();
        }
        List<Member> others = members.stream().filter(m -> m.userId() != self).toList();
        return others.stream()
                .filter(m -> m.role() == MemberRole.ADMIN)
                .findFirst()
                .or(() -> others.stream().findFirst());
    }

    public void leave() {
        error.set("");
        var unused = port.leave(conversationId)
                .whenCompleteAsync(
                        (ok, failure) -> {
                            if (failure == null) {
                                gone.set(true);
                            } else {
                                error.set(texts.get(GroupFailures.textKey(failure)));
                            }
                        },
                        fxThread);
    }

    /** The member picker's state for "add members" (present members shown ticked); the panel reloads after it. */
    public MemberPickerViewModel addMembersPicker() {
        return MemberPickerViewModel.addMembers(
                port,
                texts,
                fxThread,
                conversationId,
                title.get(),
                members.stream().map(Member::userId).collect(java.util.stream.Collectors.toSet()),
                id -> load());
    }

    /** Reloads the group; calls while a load runs fold into one more load. */
    public void load() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        var unused = port.group(conversationId)
                .whenCompleteAsync(
                        (g, failure) -> {
                            loading = false;
                            if (g != null && !disposed) {
                                show(g);
                            }
                            if (loadAgain && !disposed) {
                                loadAgain = false;
                                load();
                            }
                        },
                        fxThread);
    }

    private void show(GroupInfo g) {
        title.set(g.title());
        members.setAll(g.members());
        myRole.set(g.members().stream()
                .filter(m -> m.userId() == self)
                .map(Member::role)
                .findFirst()
                .orElse(MemberRole.MEMBER));
        showingMuted = true;
        muted.set(g.muted());
        showingMuted = false;
        if (!g.active()) {
            gone.set(true);
        }
        watchMembers(g.active() ? g.members() : List.of());
    }

    /** Watches the presence of members who joined and stops watching those who left. */
    private void watchMembers(List<Member> now) {
        Set<Long> ids = new HashSet<>();
        now.forEach(m -> ids.add(m.userId()));
        Set<Long> added = new HashSet<>(ids);
        added.removeAll(watched);
        Set<Long> removed = new HashSet<>(watched);
        removed.removeAll(ids);
        watched.addAll(added);
        watched.removeAll(removed);
        if (!removed.isEmpty()) {
            var unused = port.unwatchPresence(removed);
            removed.forEach(presence::remove);
        }
        if (!added.isEmpty()) {
            var unused = port.watchPresence(added)
                    .whenCompleteAsync(
                            (states, failure) -> {
                                if (states != null && !disposed) {
                                    update(states);
                                }
                            },
                            fxThread);
        }
    }

    private void update(Map<Long, Presence> states) {
        states.forEach((id, p) -> {
            if (watched.contains(id)) {
                presence.put(id, p);
            }
        });
    }

    private void act(CompletableFuture<Void> change) {
        error.set("");
        var unused = change.whenCompleteAsync(
                (ok, failure) -> {
                    if (failure != null) {
                        error.set(texts.get(GroupFailures.textKey(failure)));
                    }
                    if (!disposed) {
                        load();
                    }
                },
                fxThread);
    }

    @Override
    public void groupsChanged() {
        fxThread.execute(() -> {
            if (!disposed) {
                load();
            }
        });
    }

    @Override
    public void presenceChanged(Map<Long, Presence> changes) {
        fxThread.execute(() -> {
            if (!disposed) {
                update(changes);
            }
        });
    }
}
