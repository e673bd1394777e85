package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State behind the chat of one conversation: its messages (newest page first, older pages on demand), the draft,
 * sending, retry, recall, read marks and file transfers. The view shows {@link #items()} in a virtualised list.
 */
public final class ChatViewModel implements ChatEvents {
    static final int PAGE = 50;
    static final int MAX_TEXT_CHARS = 8000;
    static final Duration RECALL_WINDOW = Duration.ofMinutes(2);
    /** Received images up to this size are downloaded at once and shown inline. */
    static final long AUTO_IMAGE_BYTES = 20L * 1024 * 1024;
    /** With this many unread messages at opening, the chat offers "jump to the first unread". */
    static final int JUMP_MIN_UNREAD = 10;

    private final ConversationRow conversation;
    private final ChatPort port;
    private final MessageTexts words;
    private final Clock clock;
    private final Executor fxThread;
    private final long self;

    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    private final MessageRows rows = new MessageRows(items);
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSend;
    private final MentionPicker mentions;
    private final Map<Long, String> names = new HashMap<>();
    private final ReadOnlyLongWrapper revealed = new ReadOnlyLongWrapper(0);
    /** Local copies of images by row key ({@code s<seq>}) or client message id ({@code c<id>}). */
    private final Map<String, Path> localImages = new HashMap<>();

    private final Set<String> imagesAsked = new HashSet<>();
    private final ObjectProperty<@Nullable Path> attachment = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<@Nullable Quote> quoting = new ReadOnlyObjectWrapper<>();
    private final ReadReceipts receipts;
    private boolean hasOlder = true;
    private boolean newestLoaded;
    private long toReveal;
    private long readUpTo;
    private boolean disposed;

    private final Transfers transfers;
    private final long autoReceiveAfter;
    /** Messages of others above this seq were unread when the chat opened: they come below the divider. */
    private final long newSince;

    private final ReadOnlyLongWrapper firstNew = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper jumpOffered = new ReadOnlyBooleanWrapper(false);
    private boolean jumping;

    /** {@code receive}: where received files go and whether they go by themselves. */
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
        this.mentions = new MentionPicker(
                self, words.texts().get("mention.all"), words.texts().get("mention.allHint"));
        this.readUpTo = conversation.myReadSeq();
        this.autoReceiveAfter = conversation.myReadSeq();
        this.newSince = conversation.myReadSeq();
        this.jumpOffered.set(conversation.unread() >= JUMP_MIN_UNREAD);
        this.transfers = new Transfers(port, conversation.id(), words, fx, notice::set, receive);
        this.receipts = new ReadReceipts(port, conversation, self, words.texts(), fx);
        canSend = Bindings.createBooleanBinding(
                () -> (attachment.get() != null || !draft.get().isBlank())
                        && draft.get().length() <= MAX_TEXT_CHARS,
                draft,
                attachment);
    }

    public ConversationRow conversation() {
        return conversation;
    }

    public ObservableList<MessageItem> items() {
        return items;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    /** A picture waiting in the composer (pasted or captured) to go out with the next "send"; null when none. */
    public ReadOnlyObjectProperty<@Nullable Path> attachmentProperty() {
        return attachment;
    }

    /** Puts a picture in the composer; "send" sends it before the text. */
    public void attach(Path image) {
        attachment.set(image);
    }

    public void clearAttachment() {
        attachment.set(null);
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** A short translated message about the last action ("saved", "recall failed"); empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    public MessageTexts words() {
        return words;
    }

    /** Loads the newest page and this device's unsent messages; starts listening. */
    public void start() {
        port.addListener(this);
        loadNewest();
        receipts.reload();
        if (conversation.kind() == ConversationKind.GROUP) {
            var unused = port.members(conversation.id())
                    .thenApply(list -> {
                        List<Member> others =
                                list.stream().filter(m -> m.userId() != self).toList();
                        boolean manages = list.stream()
                                .anyMatch(m -> m.userId() == self && m.role().manages());
                        return new Roster(others, port.memberSearch(others), manages);
                    })
                    .whenCompleteAsync(
                            (roster, failure) -> {
                                if (roster != null) {
                                    mentions.setMembers(roster.others(), roster.search(), roster.manages());
                                }
                            },
                            fxThread);
        }
    }

    /** The @mention popup of the composer (group chats only; stays closed elsewhere). */
    public MentionPicker mentions() {
        return mentions;
    }

    /** Puts "@Name " of the chosen match into the draft; returns where the caret goes, -1 when nothing was picked. */
    public int pickMention(int index) {
        MentionPicker.Insertion in = mentions.pick(draft.get(), index);
        if (in == null) {
            return -1;
        }
        draft.set(in.text());
        return in.caret();
    }

    /** The members the @mention popup offers, and whether the user may @mention everyone. */
    private record Roster(List<Member> others, MemberSearch search, boolean manages) {}

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
                .map(id -> id == self ? you : name(id))
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
        return quoting.getReadOnlyProperty();
    }

    /** Whether the context menu offers "quote" and "forward": a stored message that was not recalled. */
    public boolean canQuote(MessageItem m) {
        return m.seq() > 0 && !m.recalled() && !m.isNotice();
    }

    /** Makes the next text a reply to {@code m} ("quote" in the context menu). */
    public void quote(MessageItem m) {
        if (canQuote(m)) {
            quoting.set(new Quote(m.seq(), m.senderId(), Quotes.excerpt(m.content(), words.texts()), false));
        }
    }

    /** Takes the quote away from the composer (its ✕). */
    public void cancelQuote() {
        quoting.set(null);
    }

    /** The name shown above a quoted excerpt. */
    public String quoteSender(Quote q) {
        return q.senderId() == self ? words.texts().get("message.you") : name(q.senderId());
    }

    /** Who has read the user's own messages: the labels under them and the list behind a click. */
    public ReadReceipts readReceipts() {
        return receipts;
    }

    private void loadNewest() {
        long id = conversation.id();
        var unused = port.messages(id, Long.MAX_VALUE, PAGE)
                .thenCombine(port.pending(id), Loaded::new)
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            if (loaded != null && !disposed) {
                                merge(loaded);
                            }
                            newestLoaded = true;
                            continueReveal();
                        },
                        fxThread);
    }

    /** Loads the page before the oldest shown message; no-op while loading or at the start of the history. */
    public void loadOlder() {
        long oldest = items.stream()
                .filter(i -> i.seq() > 0)
                .mapToLong(MessageItem::seq)
                .min()
                .orElse(0);
        if (loadingOlder.get() || !hasOlder || oldest <= 1) {
            return;
        }
        loadingOlder.set(true);
        var unused = port.messages(conversation.id(), oldest, PAGE)
                .thenApply(page -> new Loaded(page, List.of()))
                .thenCompose(this::withNames)
                .whenCompleteAsync(
                        (loaded, failure) -> {
                            loadingOlder.set(false);
                            if (loaded == null || disposed) {
                                return;
                            }
                            hasOlder = !loaded.items.isEmpty();
                            items.addAll(0, loaded.items);
                            findFirstNew();
                            continueJump();
                            continueReveal();
                            fetchImages(loaded.items);
                        },
                        fxThread);
    }

    /**
     * The seq of the first message that was unread when the chat opened, once it is loaded; 0 while it is not (or
     * there is none). Its row carries the "new messages" divider.
     */
    public ReadOnlyLongProperty firstNewProperty() {
        return firstNew.getReadOnlyProperty();
    }

    /** Whether the chat offers "jump to the first unread" (many were unread; not yet jumped or seen). */
    public ReadOnlyBooleanProperty jumpOfferedProperty() {
        return jumpOffered.getReadOnlyProperty();
    }

    /** Number of messages that were unread when the chat opened. */
    public int unreadAtOpen() {
        return conversation.unread();
    }

    /** Loads earlier pages until the first unread message is in, then reveals it. */
    public void jumpToFirstUnread() {
        jumping = true;
        jumpOffered.set(false);
        continueJump();
    }

    /** The view shows the divider row: no need to offer the jump any more. */
    public void firstNewSeen() {
        jumpOffered.set(false);
    }

    private void continueJump() {
        if (!jumping || disposed) {
            return;
        }
        long oldest = items.stream()
                .filter(i -> i.seq() > 0)
                .mapToLong(MessageItem::seq)
                .min()
                .orElse(Long.MAX_VALUE);
        if (oldest > newSince + 1 && hasOlder) {
            loadOlder();
            if (loadingOlder.get()) {
                return; // continues when the page is in
            }
        }
        jumping = false;
        long target = firstNew.get();
        if (target > 0) {
            reveal(target);
        }
    }

    /** The first row from others above the read mark, counted only when everything between is loaded. */
    private void findFirstNew() {
        long oldestStored = Long.MAX_VALUE;
        long first = 0;
        for (MessageItem m : items) {
            if (m.seq() > 0) {
                oldestStored = Math.min(oldestStored, m.seq());
                if (first == 0 && m.seq() > newSince && !m.mine() && !m.isNotice()) {
                    first = m.seq();
                }
            }
        }
        boolean complete = oldestStored <= newSince + 1 || !hasOlder;
        firstNew.set(complete ? first : 0);
    }

    /** The message the view should scroll to (set by {@link #reveal}); 0 when none. */
    public ReadOnlyLongProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /**
     * Loads earlier pages until the message at {@code seq} is shown, then names it in {@link #revealedProperty()}
     * (the history viewer's "jump to context").
     */
    public void reveal(long seq) {
        toReveal = seq;
        if (newestLoaded) {
            continueReveal();
        }
    }

    private void continueReveal() {
        long seq = toReveal;
        if (seq == 0 || disposed) {
            return;
        }
        if (indexOf(MessageItem.storedKey(seq)) < 0 && hasOlder) {
            loadOlder();
            if (loadingOlder.get() || toReveal != seq) {
                return; // continues (or went on already) when the page is in
            }
        }
        toReveal = 0;
        revealed.set(0);
        revealed.set(seq);
    }

    private record Loaded(List<Message> stored, List<PendingMessage> pending, List<MessageItem> items) {
        Loaded(List<Message> stored, List<PendingMessage> pending) {
            this(stored, pending, List.of());
        }
    }

    private CompletableFuture<Loaded> withNames(Loaded l) {
        Set<Long> ids = new HashSet<>();
        l.stored.forEach(m -> {
            ids.add(m.senderId());
            if (m.content() instanceof Content.Notice n) {
                ids.addAll(n.users());
            }
            Quote q = m.content() instanceof Content.Text t ? t.quote() : null;
            if (q != null) {
                ids.add(q.senderId());
            }
        });
        ids.removeAll(names.keySet());
        ids.add(self);
        return port.displayNames(ids)
                .thenApplyAsync(
                        found -> {
                            names.putAll(found);
                            List<MessageItem> out = new ArrayList<>();
                            boolean group = conversation.kind() == ConversationKind.GROUP;
                            l.stored.stream()
                                    .filter(m -> group || !m.isNotice())
                                    .forEach(m -> out.add(item(m)));
                            l.pending.forEach(
                                    p -> out.add(pendingItem(p.clientMessageId(), p.createdMs(), p.content(), null)));
                            return new Loaded(l.stored, l.pending, out);
                        },
                        fxThread);
    }

    private MessageItem item(Message m) {
        boolean mine = m.senderId() == self;
        Path image = null;
        if (m.content() instanceof Content.Image) {
            image = localImages.get(MessageItem.storedKey(m.seq()));
            if (image == null && !m.clientMessageId().isEmpty()) {
                image = localImages.get("c" + m.clientMessageId());
            }
        }
        return new MessageItem(
                MessageItem.storedKey(m.seq()),
                m.seq(),
                m.senderId(),
                name(m.senderId()),
                mine,
                m.timeMs(),
                m.content(),
                m.recalled(),
                DeliveryStatus.SENT,
                m.clientMessageId(),
                image,
                m.forwarded());
    }

    private MessageItem pendingItem(String clientId, long createdMs, Content content, @Nullable Path local) {
        return new MessageItem(
                "c" + clientId,
                0,
                self,
                name(self),
                true,
                createdMs,
                content,
                false,
                DeliveryStatus.SENDING,
                clientId,
                local,
                false);
    }

    /** The display name of a user: known name, else "#id". */
    String name(long userId) {
        return names.getOrDefault(userId, "#" + userId);
    }

    /** Puts stored messages in place (replacing a shown copy or its pending twin) and appends pending ones. */
    private void merge(Loaded loaded) {
        rows.merge(loaded.items);
        findFirstNew();
        markRead();
        fetchImages(loaded.items);
        transfers.autoReceive(loaded.items, autoReceiveAfter);
    }

    /** Downloads received images (up to {@link #AUTO_IMAGE_BYTES}) once; each row shows its image when it is there. */
    private void fetchImages(List<MessageItem> shown) {
        for (MessageItem m : shown) {
            if (m.content() instanceof Content.Image img
                    && m.localFile() == null
                    && m.seq() > 0
                    && !m.recalled()
                    && img.size() <= AUTO_IMAGE_BYTES
                    && imagesAsked.add(m.key())) {
                var unused = port.image(conversation.id(), m.seq())
                        .whenCompleteAsync(
                                (file, failure) -> {
                                    if (file == null || disposed) {
                                        return;
                                    }
                                    localImages.put(m.key(), file);
                                    int at = indexOf(m.key());
                                    if (at >= 0) {
                                        items.set(at, items.get(at).withLocalFile(file));
                                    }
                                },
                                fxThread);
            }
        }
    }

    private int indexOf(String key) {
        return rows.indexOf(key);
    }

    private int indexOfClientId(String clientId) {
        return rows.indexOfClientId(clientId);
    }

    private void markRead() {
        long newest = items.stream()
                .filter(i -> i.seq() > 0 && !i.mine())
                .mapToLong(MessageItem::seq)
                .max()
                .orElse(0);
        if (newest > readUpTo) {
            readUpTo = newest;
            var unused = port.markRead(conversation.id(), newest);
        }
    }

    /** Sends the draft (Enter in the input). */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        Path picture = attachment.get();
        if (picture != null) {
            attachment.set(null);
            sendPath(picture, false);
        }
        String text = draft.get().strip();
        List<Long> mentioned = mentions.mentionsIn(text);
        boolean everyone = mentions.mentionsAllIn(text);
        mentions.clearPicked();
        mentions.close();
        draft.set("");
        if (!text.isEmpty()) {
            sendText(new OutgoingText(text, mentioned, everyone, quoting.get()));
            quoting.set(null);
        }
    }

    private void sendText(OutgoingText out) {
        long now = clock.millis();
        Content content = out.content();
        var unused = port.sendText(conversation.id(), out)
                .whenCompleteAsync(
                        (clientId, failure) -> {
                            if (clientId != null) {
                                if (indexOfClientId(clientId) < 0) {
                                    items.add(pendingItem(clientId, now, content, null));
                                }
                            } else {
                                String key = "f" + UUID.randomUUID();
                                items.add(pendingItem(key, now, content, null).withStatus(DeliveryStatus.FAILED));
                                notice.set(words.texts().get(ChatFailures.textKey(failure)));
                            }
                        },
                        fxThread);
    }

    /** Uploads and sends a file or a whole folder; the bubble shows "sending" until the server has it. */
    public void sendPath(Path path, boolean folder) {
        String localId = "u" + UUID.randomUUID();
        Path name = path.getFileName();
        String shown = name == null ? path.toString() : name.toString();
        Content content = folder
                ? new Content.Folder(shown, 0, 0)
                : Content.Image.shows("", shown) ? new Content.Image(shown, 0) : new Content.File(shown, 0);
        MessageItem uploading = pendingItem(localId, clock.millis(), content, path);
        items.add(uploading);
        TransferState progress = transfers.upload(uploading.key());
        CompletableFuture<String> work = port.sendFile(conversation.id(), path, folder, progress);
        progress.track(work);
        var unused = work.whenCompleteAsync(
                (clientId, failure) -> {
                    transfers.finished(uploading.key());
                    int at = indexOf(uploading.key());
                    if (at < 0) {
                        return;
                    }
                    if (Transfers.cancelled(failure)) {
                        items.remove(at);
                        notice.set(words.texts().get("chat.transferCancelled"));
                        return;
                    }
                    if (clientId != null) {
                        if (content instanceof Content.Image) {
                            localImages.put("c" + clientId, path);
                        }
                        items.set(at, items.get(at).withClientMessageId(clientId));
                    } else {
                        items.set(at, items.get(at).withStatus(DeliveryStatus.FAILED));
                        notice.set(words.texts().get(ChatFailures.textKey(failure)));
                    }
                },
                fxThread);
    }

    /** Shows what went wrong with an action of the view (a picture that could not be written, ...). */
    public void showFailure(Throwable failure) {
        notice.set(words.texts().get(ChatFailures.textKey(failure)));
    }

    /** Sends a failed message again. */
    public void retry(MessageItem failed) {
        int at = indexOf(failed.key());
        if (at < 0 || failed.status() != DeliveryStatus.FAILED) {
            return;
        }
        items.remove(at);
        Path local = failed.localFile();
        if (local != null) {
            sendPath(local, failed.content() instanceof Content.Folder);
        } else if (failed.content() instanceof Content.Text t) {
            sendText(new OutgoingText(t.text(), t.mentions(), t.mentionAll(), t.quote()));
        }
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
    public javafx.collections.ObservableMap<String, TransferState> runningTransfers() {
        return transfers.running();
    }

    /** Saved files by row key: cells offer "open" once a row's file is saved. */
    public javafx.collections.ObservableMap<String, Path> savedFiles() {
        return transfers.saved();
    }

    @Override
    public void entriesChanged(Set<Long> conversationIds) {
        if (conversationIds.contains(conversation.id())) {
            fxThread.execute(() -> {
                if (!disposed) {
                    loadNewest();
                    receipts.reload();
                }
            });
        }
    }

    @Override
    public void conversationsChanged() {
        fxThread.execute(() -> {
            if (!disposed) {
                receipts.reload();
            }
        });
    }

    @Override
    public void messageSent(String clientMessageId, long conversationId, long seq) {
        if (conversationId == conversation.id()) {
            fxThread.execute(() -> setStatus(clientMessageId, DeliveryStatus.SENT));
        }
    }

    @Override
    public void messageFailed(String clientMessageId, long conversationId, String code) {
        if (conversationId == conversation.id()) {
            fxThread.execute(() -> setStatus(clientMessageId, DeliveryStatus.FAILED));
        }
    }

    private void setStatus(String clientId, DeliveryStatus status) {
        int at = indexOfClientId(clientId);
        if (at >= 0 && items.get(at).seq() == 0) {
            items.set(at, items.get(at).withStatus(status));
        }
    }
}
