package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * State behind the chat of one conversation, as the view sees it. The rows ({@link #items()}, shown in a virtualised
 * list) come from {@link HistoryPages}; {@link Composer} and {@link Outbox} send; {@link ChatNavigation} keeps the
 * "new messages" divider and the jumps; {@link ChatImages}, {@link Transfers} and {@link ReadReceipts} look after
 * pictures, files and read marks. Everything runs on the FX thread; client events hop onto it.
 */
public final class ChatViewModel implements ChatEvents {
    static final int PAGE = HistoryPages.PAGE;
    static final int MAX_TEXT_CHARS = Composer.MAX_TEXT_CHARS;
    static final Duration RECALL_WINDOW = Duration.ofMinutes(2);
    /** Received images up to this size are downloaded at once and shown inline. */
    static final long AUTO_IMAGE_BYTES = ChatImages.AUTO_IMAGE_BYTES;

    private final ConversationRow conversation;
    private final ChatPort port;
    private final MessageTexts words;
    private final Clock clock;
    private final Executor fxThread;
    private final long self;

    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    private final MessageRows rows;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final SenderNames names;
    private final ChatImages images;
    private final HistoryPages history;
    private final ChatNavigation navigation;
    private final Outbox outbox;
    private final Composer composer;
    private final Transfers transfers;
    private final ReadReceipts receipts;
    private final MessageSelection selection;

    private long readUpTo;
    /** Whether a read mark is on its way: the next one waits for it and then carries the newest seq. */
    private boolean marking;

    private boolean disposed;

    /** {@code receive}: where received files go. */
    public ChatViewModel(
            ConversationRow conversation,
            ChatPort port,
            MessageTexts words,
            Clock clock,
            Executor fx,
            ReceiveSettings receive) {
        this.conversation = conversation;
        this.port = port;
        this.words = words;
        this.clock = clock;
        this.fxThread = fx;
        this.self = port.selfUserId();
        this.readUpTo = conversation.myReadSeq();
        this.rows = new MessageRows(items);
        this.names = new SenderNames(port, self);
        this.images = new ChatImages(port, conversation.id(), rows, items, fx, () -> disposed);
        RowMaker maker = new RowMaker(self, names, images);
        this.history = new HistoryPages(conversation, port, fx, rows, names, maker, () -> disposed, new Arrivals());
        this.navigation = new ChatNavigation(conversation, rows, history, () -> disposed);
        this.transfers = new Transfers(port, conversation.id(), words, fx, notice::set, receive);
        this.receipts = new ReadReceipts(port, conversation, self, words.texts(), fx);
        this.outbox =
                new Outbox(conversation.id(), port, words, clock, fx, rows, maker, images, transfers, notice::set);
        this.composer = new Composer(self, words, outbox);
        this.selection = new MessageSelection(items);
    }

    /** What the chat does as pages come in. */
    private final class Arrivals implements HistoryPages.Arrivals {
        @Override
        public void merged(List<MessageItem> page) {
            navigation.findFirstNew();
            markRead();
            images.fetch(page);
            transfers.follow(page);
        }

        @Override
        public void newestAnswered() {
            navigation.continueReveal();
        }

        @Override
        public void prepended(List<MessageItem> page) {
            navigation.findFirstNew();
            navigation.continueJump();
            navigation.continueReveal();
            images.fetch(page);
            transfers.follow(page);
        }
    }

    public ConversationRow conversation() {
        return conversation;
    }

    public ObservableList<MessageItem> items() {
        return items;
    }

    public StringProperty draftProperty() {
        return composer.draftProperty();
    }

    /** A picture waiting in the composer (pasted or captured) to go out with the next "send"; null when none. */
    public ReadOnlyObjectProperty<@Nullable Path> attachmentProperty() {
        return composer.attachmentProperty();
    }

    /** Puts a picture in the composer; "send" sends it before the text. */
    public void attach(Path image) {
        composer.attach(image);
    }

    public void clearAttachment() {
        composer.clearAttachment();
    }

    public BooleanBinding canSendBinding() {
        return composer.canSendBinding();
    }

    /** A short translated message about the last action ("saved", "recall failed"); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return history.loadingOlderProperty();
    }

    /** True once the newest page was answered: from then on, no {@link #items()} means the chat has no messages. */
    public ReadOnlyBooleanProperty historyLoadedProperty() {
        return history.newestLoadedProperty();
    }

    public MessageTexts words() {
        return words;
    }

    /** Loads the newest page and this device's unsent messages; starts listening. */
    public void start() {
        port.addListener(this);
        history.loadNewest();
        receipts.reload();
        if (conversation.kind() == ConversationKind.GROUP) {
            composer.loadMembers(port, conversation.id(), fxThread, notice);
        }
    }

    /** The @mention popup of the composer (group chats only; stays closed elsewhere). */
    public MentionPicker mentions() {
        return composer.mentions();
    }

    /** Puts "@Name " of the chosen match into the draft; returns where the caret goes, -1 when nothing was picked. */
    public int pickMention(int index) {
        return composer.pickMention(index);
    }

    /** Whether a message from someone else @mentions the user (or everyone in the group). */
    public boolean mentionsMe(MessageItem m) {
        return !m.mine()
                && m.content() instanceof Content.Text t
                && (t.mentions().contains(self) || t.mentionAll());
    }

    /** The sentence of a notice row, with the names of the members it is about ("张伟 把 李娜 加入了群聊"). */
    public String noticeText(MessageItem m, Content.Notice n) {
        String you = words.texts().get("notice.youObject");
        List<String> users = n.users().stream()
                .filter(id -> !"members_added".equals(n.kind()) || id != m.senderId())
                .map(id -> id == self ? you : names.name(id))
                .toList();
        return words.notice(n, m.mine() ? words.texts().get("notice.you") : m.senderName(), users);
    }

    public void dispose() {
        disposed = true;
        receipts.dispose();
        port.removeListener(this);
    }

    /** The message the next text replies to (shown above the composer); null when none. */
    public ReadOnlyObjectProperty<@Nullable Quote> quotingProperty() {
        return composer.quotingProperty();
    }

    /** Whether the context menu offers "quote" and "forward": a stored message that was not recalled. */
    public boolean canQuote(MessageItem m) {
        return Composer.canQuote(m);
    }

    /** Makes the next text a reply to {@code m} ("quote" in the context menu). */
    public void quote(MessageItem m) {
        composer.quote(m, port::excerpt);
    }

    /** Takes the quote away from the composer (its ✕). */
    public void cancelQuote() {
        composer.cancelQuote();
    }

    /** The name shown above a quoted excerpt. */
    public String quoteSender(Quote q) {
        return q.senderId() == self ? words.texts().get("message.you") : names.name(q.senderId());
    }

    /** "Select" (多选): the ticked messages, forwarded one by one. */
    public MessageSelection selection() {
        return selection;
    }

    /** Who has read the user's own messages: the labels under them and the list behind a click. */
    public ReadReceipts readReceipts() {
        return receipts;
    }

    /** Loads the page before the oldest shown message; no-op while loading or at the start of the history. */
    public void loadOlder() {
        history.loadOlder();
    }

    /**
     * The seq of the first message that was unread when the chat opened, once it is loaded; 0 while it is not (or
     * there is none). Its row carries the "new messages" divider.
     */
    public ReadOnlyLongProperty firstNewProperty() {
        return navigation.firstNewProperty();
    }

    /** Whether the chat offers "jump to the first unread" (many were unread; not yet jumped or seen). */
    public ReadOnlyBooleanProperty jumpOfferedProperty() {
        return navigation.jumpOfferedProperty();
    }

    /** Number of messages that were unread when the chat opened. */
    public int unreadAtOpen() {
        return conversation.unread();
    }

    /** Loads earlier pages until the first unread message is in, then reveals it. */
    public void jumpToFirstUnread() {
        navigation.jumpToFirstUnread();
    }

    /** The view shows the divider row: no need to offer the jump any more. */
    public void firstNewSeen() {
        navigation.firstNewSeen();
    }

    /** The message the view should scroll to (set by {@link #reveal}); 0 when none. */
    public ReadOnlyLongProperty revealedProperty() {
        return navigation.revealedProperty();
    }

    /**
     * Loads earlier pages until the message at {@code seq} is shown, then names it in {@link #revealedProperty()}
     * (the history viewer's "jump to context").
     */
    public void reveal(long seq) {
        navigation.reveal(seq);
    }

    /**
     * Marks the newest message from others read. One mark at a time: messages arriving while one is on its way are
     * marked by one more when it is answered (at 50 messages a second, not one mark, log entry and sync each).
     */
    private void markRead() {
        long newest = rows.newestFromOthers();
        if (marking || newest <= readUpTo || disposed) {
            return;
        }
        readUpTo = newest;
        marking = true;
        var unused = port.markRead(conversation.id(), newest)
                .whenCompleteAsync(
                        (ok, failure) -> {
                            marking = false;
                            markRead();
                        },
                        fxThread);
    }

    /** Sends the draft (Enter in the input). */
    public void send() {
        composer.send();
    }

    /** Uploads and sends a file or a whole folder; the bubble shows "sending" until the server has it. */
    public void sendPath(Path path, boolean folder) {
        outbox.sendPath(path, folder);
    }

    /** Shows what went wrong with an action of the view (a picture that could not be written, ...). */
    public void showFailure(Throwable failure) {
        notice.set(words.texts().get(ChatFailures.textKey(failure)));
    }

    /** Sends a failed message again. */
    public void retry(MessageItem failed) {
        outbox.retry(failed);
    }

    /** Whether the context menu offers "recall": own, stored, not recalled, within the window. */
    public boolean canRecall(MessageItem m) {
        return m.mine()
                && m.seq() > 0
                && !m.recalled()
                && !m.isNotice()
                && clock.millis() - m.timeMs() < RECALL_WINDOW.toMillis();
    }

    public void recall(MessageItem m) {
        if (!canRecall(m)) {
            return;
        }
        var unused = port.recall(conversation.id(), m.seq())
                .whenCompleteAsync(
                        (ok, failure) -> {
                            if (failure != null) {
                                notice.set(words.texts().get(ChatFailures.textKey(failure)));
                            }
                        },
                        fxThread);
    }

    /** The text "copy" puts on the clipboard. */
    public String copyText(MessageItem m) {
        if (m.content() instanceof Content.Text t) {
            return t.text();
        }
        if (m.content() instanceof Content.File f) {
            return f.name();
        }
        if (m.content() instanceof Content.Folder f) {
            return f.name();
        }
        if (m.content() instanceof Content.Image i) {
            return i.name();
        }
        return "";
    }

    /** Saves a file or folder message to {@code target} ("save as"). */
    public void save(MessageItem m, Path target) {
        transfers.saveAs(m, target);
    }

    /** Saves a file or folder message into the download folder ("download"). */
    public void receive(MessageItem m) {
        transfers.receive(m);
    }

    /** Stops the upload or download of a row; a cancelled upload takes its row away. */
    public void cancelTransfer(MessageItem m) {
        transfers.cancel(m);
    }

    /** The running transfer of a row, for its progress bar; null when none runs. */
    public @Nullable TransferState transfer(MessageItem m) {
        return transfers.of(m);
    }

    /** Where the file of a row was saved on this device (to offer "open"); null when it was not. */
    public @Nullable Path savedFile(MessageItem m) {
        return transfers.savedFile(m);
    }

    /** Running transfers by row key: cells redraw a row when its transfer starts or ends. */
    public ObservableMap<String, TransferState> runningTransfers() {
        return transfers.running();
    }

    /** Saved files by row key: cells offer "open" once a row's file is saved. */
    public ObservableMap<String, Path> savedFiles() {
        return transfers.saved();
    }

    @Override
    public void entriesChanged(Set<Long> conversationIds) {
        if (conversationIds.contains(conversation.id())) {
            fxThread.execute(() -> {
                if (!disposed) {
                    history.loadNewer();
                    receipts.reload();
                }
            });
        }
    }

    @Override
    public void conversationsChanged(Set<Long> conversationIds) {
        if (!conversationIds.contains(conversation.id())) {
            return; // another conversation's members or read marks
        }
        fxThread.execute(() -> {
            if (!disposed) {
                receipts.reload();
            }
        });
    }

    @Override
    public void messageSent(String clientMessageId, long conversationId, long seq) {
        if (conversationId == conversation.id()) {
            fxThread.execute(() -> outbox.setStatus(clientMessageId, DeliveryStatus.SENT));
        }
    }

    @Override
    public void messageFailed(String clientMessageId, long conversationId, String code) {
        if (conversationId == conversation.id()) {
            fxThread.execute(() -> outbox.setStatus(clientMessageId, DeliveryStatus.FAILED));
        }
    }
}
