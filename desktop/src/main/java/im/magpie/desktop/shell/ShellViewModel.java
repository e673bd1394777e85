package im.magpie.desktop.shell;

import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State of the navigation rail: which section is shown, the unread total over every conversation that is not muted,
 * and whether the open conversation is the file transfer assistant (its rail entry is then the highlighted one).
 */
public final class ShellViewModel {
    public static final String CONVERSATIONS = "conversations";
    public static final String CONTACTS = "contacts";
    public static final String FILE_TRANSFER = "file-transfer";
    public static final String SETTINGS = "settings";
    static final int BADGE_MAX = 99;

    private final ObservableList<ConversationRow> rows;
    private final LongProperty selectedId;
    private final Runnable openSelf;
    private final ReadOnlyStringWrapper section = new ReadOnlyStringWrapper(CONVERSATIONS);
    private final ReadOnlyStringWrapper highlighted = new ReadOnlyStringWrapper(CONVERSATIONS);
    private final ReadOnlyIntegerWrapper unreadTotal = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper badgeVisible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper badgeText = new ReadOnlyStringWrapper("");

    /**
     * Over the conversation list {@code rows}, the open conversation {@code selectedId} (0: none), and the action
     * that opens the file transfer assistant.
     */
    public ShellViewModel(ObservableList<ConversationRow> rows, LongProperty selectedId, Runnable openSelf) {
        this.rows = rows;
        this.selectedId = selectedId;
        this.openSelf = openSelf;
        rows.addListener((ListChangeListener<ConversationRow>) c -> update());
        selectedId.addListener((o, was, now) -> update());
        section.addListener((o, was, now) -> update());
        update();
    }

    /** Over the main window's conversation list. */
    public static ShellViewModel of(MainViewModel main) {
        return new ShellViewModel(main.rows(), main.selectedIdProperty(), main::openFileTransfer);
    }

    /** The id of the section shown ({@link #CONVERSATIONS}, {@link #CONTACTS}, {@link #SETTINGS}, or one added). */
    public ReadOnlyStringProperty sectionProperty() {
        return section.getReadOnlyProperty();
    }

    /** The rail entry drawn as active: the section, or {@link #FILE_TRANSFER} while that conversation is open. */
    public ReadOnlyStringProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Unread messages over every conversation. */
    public ReadOnlyIntegerProperty unreadTotalProperty() {
        return unreadTotal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty badgeVisibleProperty() {
        return badgeVisible.getReadOnlyProperty();
    }

    /** The unread total as the rail shows it: "99+" above 99. */
    public ReadOnlyStringProperty badgeTextProperty() {
        return badgeText.getReadOnlyProperty();
    }

    public void show(String sectionId) {
        section.set(sectionId);
    }

    /** Shows the conversations with the file transfer assistant (the user's own devices) open. */
    public void openFileTransfer() {
        section.set(CONVERSATIONS);
        openSelf.run();
    }

    /** Shows the conversations with {@code conversationId} open (e.g. after "message" on a contact card). */
    public void openConversation(long conversationId) {
        section.set(CONVERSATIONS);
        selectedId.set(conversationId);
    }

    private void update() {
        int total = 0;
        boolean selfOpen = false;
        for (ConversationRow r : rows) {
            total += r.unreadCounted();
            selfOpen |= r.id() == selectedId.get() && r.kind() == ConversationKind.SELF;
        }
        unreadTotal.set(total);
        badgeVisible.set(total > 0);
        badgeText.set(total > BADGE_MAX ? BADGE_MAX + "+" : String.valueOf(total));
        highlighted.set(CONVERSATIONS.equals(section.get()) && selfOpen ? FILE_TRANSFER : section.get());
    }
}
