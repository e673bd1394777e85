package im.magpie.desktop.chat;

import im.magpie.desktop.i18n.Texts;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Who has read the user's own messages in one chat, from the members' read marks that this device keeps in sync
 * (no request per message): "3 read" or "all read" in groups, "read" or "unread" in direct chats, and the lists
 * behind a click. Marks are loaded again whenever entries or conversation states change, so labels stay live.
 */
public final class ReadReceipts {
    private final ChatPort port;
    private final ConversationRow conversation;
    private final long self;
    private final Texts texts;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<Map<Long, Long>> marks = new ReadOnlyObjectWrapper<>(Map.of());
    private boolean loading;
    private boolean loadAgain;
    private boolean disposed;

    ReadReceipts(ChatPort port, ConversationRow conversation, long self, Texts texts, Executor fxThread) {
        this.port = port;
        this.conversation = conversation;
        this.self = self;
        this.texts = texts;
        this.fxThread = fxThread;
    }

    /** Each member's read mark (user id to the highest seq read); replaced as a whole when it changes. */
    public ReadOnlyObjectProperty<Map<Long, Long>> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    /** Whether a row shows who read it: the user's own stored messages in group and direct chats. */
    public boolean applies(MessageItem m) {
        return m.mine()
                && m.seq() > 0
                && !m.recalled()
                && !m.isNotice()
                && conversation.kind() != ConversationKind.SELF;
    }

    /** Whether a click on the label lists the readers (groups only). */
    public boolean listable(MessageItem m) {
        return applies(m) && conversation.kind() == ConversationKind.GROUP;
    }

    /** "2 read", "all read", "read", "unread"; empty where it does not apply or before the marks are known. */
    public String label(MessageItem m) {
        Map<Long, Long> now = marks.get();
        if (!applies(m) || now.isEmpty()) {
            return "";
        }
        int others = 0;
        int read = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            if (e.getKey() != self) {
                others++;
                read += e.getValue() >= m.seq() ? 1 : 0;
            }
        }
        if (conversation.kind() == ConversationKind.DIRECT) {
            return texts.get(read > 0 ? "receipt.read" : "receipt.unread");
        }
        return others > 0 && read == others ? texts.get("receipt.allRead") : texts.format("receipt.readCount", read);
    }

    /** Whether everyone else has read {@code m} (the label is drawn in a quieter colour). */
    public boolean allRead(MessageItem m) {
        Map<Long, Long> now = marks.get();
        return now.entrySet().stream().filter(e -> e.getKey() != self).allMatch(e -> e.getValue() >= m.seq());
    }

    /** The read / unread lists of one message (opened by a click on its label). */
    public ReadByViewModel readBy(MessageItem m) {
        ReadByViewModel vm = new ReadByViewModel(m.seq(), self, marks.get(), fxThread);
        vm.load(port.members(conversation.id()));
        return vm;
    }

    /** Loads the marks again; calls during a load fold into one more load. */
    void reload() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        var unused = port.readMarks(conversation.id()).whenCompleteAsync(this::loaded, fxThread);
    }

    void dispose() {
        disposed = true;
    }

    private void loaded(@Nullable Map<Long, Long> found, @Nullable Throwable failure) {
        loading = false;
        if (found != null && !disposed && !found.equals(marks.get())) {
            marks.set(Map.copyOf(found));
        }
        if (loadAgain && !disposed) {
            loadAgain = false;
            reload();
        }
    }
}
