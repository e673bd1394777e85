package im.magpie.desktop.group;

import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * State behind the hover card (U6): the person under the pointer with account, presence, signature and department
 * (a slot until the directory feature brings departments), and "message" to open the direct chat. One card serves a
 * window; presence is watched only while it shows someone.
 */
public final class PersonCardViewModel implements GroupEvents {
    private final GroupPort port;
    private final Texts texts;
    private final Executor fxThread;
    private final LongConsumer openConversation;

    private final ReadOnlyLongWrapper userId = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper account = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signature = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper department = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(Presence.UNKNOWN);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private @Nullable Contact person;

    /** {@code openConversation} shows a conversation by id (the window's navigation). */
    public PersonCardViewModel(GroupPort port, Texts texts, Executor fxThread, LongConsumer openConversation) {
        this.port = port;
        this.texts = texts;
        this.fxThread = fxThread;
        this.openConversation = openConversation;
    }

    /** Loads {@code id} into the card (the view shows it once {@link #loadedProperty()} is true). */
    public void show(long id) {
        if (id == userId.get() && loaded.get()) {
            return;
        }
        hide();
        userId.set(id);
        port.addListener(this);
        var unused = port.person(id)
                .whenCompleteAsync(
                        (found, failure) -> {
                            if (userId.get() != id || found == null || found.isEmpty()) {
                                return;
                            }
                            Contact c = found.get();
                            person = c;
                            name.set(MemberPickerViewModel.shownName(c));
                            account.set(c.account());
                            signature.set(c.signature().isBlank() ? texts.get("card.noSignature") : c.signature());
                            department.set(texts.get("card.noDepartment"));
                            loaded.set(true);
                        },
                        fxThread);
        var unusedPresence = port.watchPresence(List.of(id))
                .whenCompleteAsync(
                        (states, failure) -> {
                            if (states != null && userId.get() == id) {
                                presence.set(states.getOrDefault(id, Presence.UNKNOWN));
                            }
                        },
                        fxThread);
    }

    /** The card went away: stop watching. */
    public void hide() {
        long id = userId.get();
        if (id == 0) {
            return;
        }
        port.removeListener(this);
        var unused = port.unwatchPresence(List.of(id));
        userId.set(0);
        person = null;
        loaded.set(false);
        presence.set(Presence.UNKNOWN);
        error.set("");
    }

    /** Opens the direct chat with the person shown (the user's own card opens the file transfer assistant). */
    public void message() {
        Contact c = person;
        if (c == null) {
            return;
        }
        var unused = port.openChat(c)
                .whenCompleteAsync(
                        (conversation, failure) -> {
                            if (conversation != null) {
                                openConversation.accept(conversation);
                            } else {
                                error.set(texts.get(GroupFailures.textKey(failure)));
                            }
                        },
                        fxThread);
    }

    public ReadOnlyLongProperty userIdProperty() {
        return userId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signatureProperty() {
        return signature.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty departmentProperty() {
        return department.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void presenceChanged(Map<Long, Presence> changes) {
        fxThread.execute(() -> {
            Presence p = changes.get(userId.get());
            if (p != null) {
                presence.set(p);
            }
        });
    }
}
