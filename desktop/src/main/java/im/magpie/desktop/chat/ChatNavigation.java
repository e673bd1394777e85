package im.magpie.desktop.chat;

import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

/**
 * Where the chat takes the user: the "new messages" divider above the first message that was unread at opening, the
 * jump to it, and revealing a message (the history viewer's "jump to context", a quote's original), loading older
 * pages until the message is in.
 */
final class ChatNavigation {
    /** With this many unread messages at opening, the chat offers "jump to the first unread". */
    static final int JUMP_MIN_UNREAD = 10;

    private final ObservableList<MessageItem> items;
    private final MessageRows rows;
    private final HistoryPages history;
    private final BooleanSupplier disposed;
    /** Messages of others above this seq were unread when the chat opened: they come below the divider. */
    private final long newSince;
    /**
     * The newest stored seq of the page the chat opened with; -1 until it is in. Messages after it arrive while the
     * chat is open: they are read as they come, so they never take the divider (not even later, when a row of the
     * user's own file changes and the rows are merged again).
     */
    private long openedUpTo = -1;

    private final ReadOnlyLongWrapper firstNew = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper jumpOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper revealed = new ReadOnlyLongWrapper(0);
    private boolean jumping;
    private long toReveal;

    ChatNavigation(ConversationRow conversation, MessageRows rows, HistoryPages history, BooleanSupplier disposed) {
        this.items = rows.items();
        this.rows = rows;
        this.history = history;
        this.disposed = disposed;
        this.newSince = conversation.myReadSeq();
        this.jumpOffered.set(conversation.unread() >= JUMP_MIN_UNREAD);
    }

    ReadOnlyLongProperty firstNewProperty() {
        return firstNew.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty jumpOfferedProperty() {
        return jumpOffered.getReadOnlyProperty();
    }

    ReadOnlyLongProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    void jumpToFirstUnread() {
        jumping = true;
        jumpOffered.set(false);
        continueJump();
    }

    void firstNewSeen() {
        jumpOffered.set(false);
    }

    /** Goes on with a jump after an older page came in. */
    void continueJump() {
        if (!jumping || disposed.getAsBoolean()) {
            return;
        }
        long shown = rows.oldestStoredSeq();
        long oldest = shown == 0 ? Long.MAX_VALUE : shown;
        if (oldest > newSince + 1 && history.hasOlder()) {
            history.loadOlder();
            if (history.loadingOlder()) {
                return; // continues when the page is in
            }
        }
        jumping = false;
        long target = firstNew.get();
        if (target > 0) {
            reveal(target);
        }
    }

    /**
     * The first row from others above the read mark that was in when the chat opened, counted only when everything
     * between is loaded.
     */
    void findFirstNew() {
        if (firstNew.get() > 0) {
            return; // found with everything between loaded: later rows come below it, older pages only read ones
        }
        if (openedUpTo < 0) {
            openedUpTo = rows.newestStoredSeq(); // the first call comes with the newest page
        }
        long shown = rows.oldestStoredSeq();
        long oldestStored = shown == 0 ? Long.MAX_VALUE : shown;
        long first = 0;
        for (MessageItem m : items) {
            if (m.seq() > openedUpTo) {
                break; // arrived while the chat was open
            }
            if (m.seq() > newSince && !m.mine() && !m.isNotice()) {
                first = m.seq();
                break;
            }
        }
        boolean complete = oldestStored <= newSince + 1 || !history.hasOlder();
        firstNew.set(complete ? first : 0);
    }

    void reveal(long seq) {
        toReveal = seq;
        if (history.newestLoaded()) {
            continueReveal();
        }
    }

    /** Goes on with a reveal once the newest page or an older one came in. */
    void continueReveal() {
        long seq = toReveal;
        if (seq == 0 || disposed.getAsBoolean()) {
            return;
        }
        if (rows.indexOf(MessageItem.storedKey(seq)) < 0 && history.hasOlder()) {
            history.loadOlder();
            if (history.loadingOlder() || toReveal != seq) {
                return; // continues (or went on already) when the page is in
            }
        }
        toReveal = 0;
        revealed.set(0);
        revealed.set(seq);
    }
}
