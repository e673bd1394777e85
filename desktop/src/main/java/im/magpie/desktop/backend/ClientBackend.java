package im.magpie.desktop.backend;

import im.magpie.client.ClientListener;
import im.magpie.client.ClientOptions;
import im.magpie.client.ConnectionState;
import im.magpie.client.DeviceWipedException;
import im.magpie.client.MagpieClient;
import im.magpie.client.QuotedMessage;
import im.magpie.client.Transfer;
import im.magpie.client.net.ServerAddress;
import im.magpie.client.people.PinyinTable;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.OutboxRecord;
import im.magpie.client.store.UserRecord;
import im.magpie.desktop.chat.ChatEvents;
import im.magpie.desktop.chat.ChatPort;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationInfo;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.LogChanges;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberSearch;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.chat.OutgoingText;
import im.magpie.desktop.chat.PendingMessage;
import im.magpie.desktop.chat.Quote;
import im.magpie.desktop.chat.ReceiveSettings;
import im.magpie.desktop.chat.TransferListener;
import im.magpie.desktop.contacts.ContactsPort;
import im.magpie.desktop.group.GroupPort;
import im.magpie.desktop.history.HistoryPort;
import im.magpie.desktop.login.FingerprintQuestion;
import im.magpie.desktop.login.LoginPort;
import im.magpie.desktop.notify.NotifyPort;
import im.magpie.desktop.settings.SettingsPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The desktop's one door to the client library: implements both ports over a {@link MagpieClient}. Local store
 * reads run on a single reader thread, never on the FX thread; listener calls are forwarded as {@link ChatEvents}.
 */
public final class ClientBackend implements LoginPort, ChatPort, AutoCloseable {
    /**
     * Most unread messages a conversation row counts: the list shows more than 99 as "99+" (and the rail's total adds
     * the rows' counts).
     */
    static final int UNREAD_CAP = 100;
    /** Entries looked at for a preview when the newest one shows nothing. */
    static final int PREVIEW_PAGE = 100;
    /** Most people a forward picker's search matches conversations against. */
    static final int PEOPLE_MATCHES = 500;

    static final long FINGERPRINT_ANSWER_MINUTES = 5;
    static final long RESUME_OFFLINE_AFTER_MS = 4000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientBackend.class);

    private final Path dataDir;
    private final String deviceName;
    private final ExecutorService reader;
    private final ExecutorService people = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "magpie-desktop-people");
        t.setDaemon(true);
        return t;
    });
    private final List<ChatEvents> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> wipeListeners = new CopyOnWriteArrayList<>();
    private final ClientListener forward = new Forwarder();
    private final BackendNotifications notifications;
    private final BackendGroups groups;
    private final AutoReceiver autoReceiver;
    private volatile MagpieClient client;
    private volatile @Nullable FingerprintQuestion question;
    /**
     * A stored session opened straight into the main window is still making its first connection: the window does not
     * say "reconnecting" for that (at most {@link #RESUME_OFFLINE_AFTER_MS}), as the login window's resume did not.
     */
    private volatile boolean firstConnecting;
    /** A remote wipe ended the session (its own dialog says so, not the "session ended" one). */
    private volatile boolean wiped;
    /** The pinyin of the member and conversation-name searches, read at the first one (a few milliseconds). */
    private @Nullable PinyinTable pinyin;

    /** A backend that saves no file by itself (see the other constructor). */
    public ClientBackend(Path dataDir, @Nullable String server, String deviceName) throws IOException {
        this(dataDir, server, deviceName, ReceiveSettings.defaults(Path.of(System.getProperty("user.home"))));
    }

    /**
     * A backend whose auto-receive follows {@code receive} (read at each arriving message): files and folders others
     * send are saved into its download folder by themselves while it says so, in every conversation.
     */
    public ClientBackend(Path dataDir, @Nullable String server, String deviceName, ReceiveSettings receive)
            throws IOException {
        this.dataDir = dataDir;
        this.deviceName = deviceName;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "magpie-desktop-store");
            t.setDaemon(true);
            return t;
        });
        this.notifications = new BackendNotifications(() -> client, reader);
        this.autoReceiver = new AutoReceiver(() -> client, reader, receive, this::autoReceive, notifications::saved);
        this.client = open(server);
        this.groups = new BackendGroups(() -> this.client, reader, people);
    }

    private MagpieClient open(@Nullable String server) throws IOException {
        ClientOptions options = ClientOptions.defaults("magpie-desktop/0.1", "desktop", this::trust);
        MagpieClient c = MagpieClient.open(dataDir, server, options);
        c.addListener(forward);
        return c;
    }

    private boolean trust(String server, String fingerprint) {
        FingerprintQuestion q = question;
        if (q == null) {
            return false;
        }
        try {
            return q.ask(server, fingerprint).get(FINGERPRINT_ANSWER_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            return false;
        }
    }

    // ---- LoginPort ----

    @Override
    public String rememberedServer() {
        return client.serverAddress();
    }

    @Override
    public Optional<String> rememberedAccount() {
        return client.rememberedAccount();
    }

    /**
     * Whether a session is stored, so {@link #openStoredSession()} is worth trying: not after a log out, which keeps
     * only the account for the login window.
     */
    public boolean hasSession() {
        return client.hasRememberedSession();
    }

    @Override
    public CompletableFuture<Void> login(String server, String account, String password, FingerprintQuestion q) {
        question = q;
        wiped = false;
        return CompletableFuture.supplyAsync(() -> clientFor(server), reader)
                .thenCompose(c -> c.login(account, password, deviceName))
                .handle((ok, e) -> {
                    if (e != null) {
                        im.magpie.desktop.login.LoginException failure = Failures.login(e);
                        LOG.info("login failed: {}", failure.getMessage());
                        throw new CompletionException(failure);
                    }
                    return null;
                });
    }

    /** The client for {@code server}: the current one, or a new one when the user typed another address. */
    private MagpieClient clientFor(String server) {
        String normal = ServerAddress.parse(server).toString();
        if (normal.equals(client.serverAddress())) {
            return client;
        }
        client.close();
        try {
            client = open(normal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return client;
    }

    /**
     * Opens the stored session for a start straight into the main window: completes once its encrypted store is open,
     * so local data can be shown, while the session connects in the background. An ended session or a remote wipe found
     * while connecting arrive as {@link ChatEvents#sessionEnded} and {@link #onDeviceWiped}, as they do later on. Fails
     * with a {@link im.magpie.desktop.login.LoginException}: {@code NOT_LOGGED_IN} or {@code SESSION_ENDED} when no
     * usable session is stored, {@code LOCAL_DATA} when this device's store cannot be opened.
     */
    public CompletableFuture<Void> openStoredSession() {
        MagpieClient c = client;
        firstConnecting = true;
        return c.openRememberedSession(deviceName).handle((ok, e) -> {
            if (e != null) {
                firstConnecting = false;
                throw new CompletionException(Failures.storedSession(e));
            }
            var unused = c.firstConnection().whenComplete((connected, failed) -> firstConnecting = false);
            CompletableFuture.delayedExecutor(RESUME_OFFLINE_AFTER_MS, TimeUnit.MILLISECONDS)
                    .execute(this::firstConnectionOverdue);
            return null;
        });
    }

    /** Still no connection a while after the start: from now on the window says it is reconnecting. */
    private void firstConnectionOverdue() {
        if (firstConnecting) {
            firstConnecting = false;
            boolean now = online();
            listeners.forEach(l -> l.connectionChanged(now));
        }
    }

    /**
     * Opens the remembered session and completes once it is connected, or {@link #RESUME_OFFLINE_AFTER_MS} after the
     * store opened when it cannot connect (the screenshot command signs in this way).
     */
    public CompletableFuture<Void> resume() {
        MagpieClient c = client;
        CompletableFuture<Void> usable = new CompletableFuture<>();
        CompletableFuture<Void> opened = c.openRememberedSession(deviceName);
        var unused = opened.thenCompose(ok -> c.firstConnection()).whenComplete((ok, e) -> {
            if (e != null) {
                usable.completeExceptionally(Failures.login(e));
            } else {
                usable.complete(null);
            }
        });
        // Offline start: once the stored session is open, the window may show local data while it reconnects.
        var unusedTimer =
                opened.thenRun(() -> CompletableFuture.delayedExecutor(RESUME_OFFLINE_AFTER_MS, TimeUnit.MILLISECONDS)
                        .execute(() -> usable.complete(null)));
        return usable;
    }

    // ---- ChatPort ----

    @Override
    public long selfUserId() {
        return client.userId();
    }

    @Override
    public boolean online() {
        return firstConnecting || client.connectionState() == ConnectionState.ONLINE;
    }

    private <T> CompletableFuture<T> read(Supplier<T> work) {
        return Failures.chat(CompletableFuture.supplyAsync(work, reader));
    }

    @Override
    public CompletableFuture<List<ConversationInfo>> conversations() {
        return read(() -> {
            MagpieClient c = client;
            long self = c.userId();
            Map<Long, ConversationSettings> settings = c.conversationSettings();
            List<ConversationInfo> out = new ArrayList<>();
            for (ConversationRecord r : c.conversations()) {
                if (r.active()) {
                    out.add(info(c, r, self, settings.getOrDefault(r.id(), ConversationSettings.NONE)));
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<ConversationInfo>> conversations(Set<Long> ids) {
        return read(() -> {
            MagpieClient c = client;
            long self = c.userId();
            Map<Long, ConversationSettings> settings = c.conversationSettings();
            List<ConversationInfo> out = new ArrayList<>();
            for (long id : ids) {
                c.conversation(id)
                        .filter(ConversationRecord::active)
                        .ifPresent(
                                r -> out.add(info(c, r, self, settings.getOrDefault(id, ConversationSettings.NONE))));
            }
            return out;
        });
    }

    private static ConversationInfo info(MagpieClient c, ConversationRecord r, long self) {
        return info(c, r, self, c.conversationSettings().getOrDefault(r.id(), ConversationSettings.NONE));
    }

    private static ConversationInfo info(
            MagpieClient c, ConversationRecord r, long self, ConversationSettings settings) {
        long readSeq = r.members().stream()
                .filter(m -> m.userId() == self)
                .mapToLong(MemberRecord::readSeq)
                .findFirst()
                .orElse(0);
        // the newest entry for the preview, and a count bounded as the badge shows it: a message arriving reads two
        // rows' worth, not a page of 100 entries with their bodies (docs/performance.md, "Round 7")
        Message last = newestShown(c, r.id());
        ConversationKind kind = ConversationKind.of(r.kind());
        // everything in the file transfer assistant is the user's own
        int unread = kind == ConversationKind.SELF ? 0 : c.unreadCount(r.id(), readSeq, UNREAD_CAP);
        List<Long> ids = r.members().stream().map(MemberRecord::userId).toList();
        return new ConversationInfo(
                r.id(), kind, r.title(), ids, readSeq, last, unread, settings.muted(), settings.pinned());
    }

    /**
     * The newest entry a chat shows (the row's preview), null when there is none: one entry read, or the newest
     * {@link #PREVIEW_PAGE} when that one shows nothing (a settings change in the file transfer assistant, a direct
     * chat being set up).
     */
    private static @Nullable Message newestShown(MagpieClient c, long conversationId) {
        List<EntryRecord> newest = c.messages(conversationId, Long.MAX_VALUE, 1);
        if (newest.isEmpty()) {
            return null;
        }
        Optional<Message> shown = EntryDecoder.decode(newest.get(0));
        if (shown.isPresent()) {
            return shown.get();
        }
        List<EntryRecord> page = c.messages(conversationId, newest.get(0).seq(), PREVIEW_PAGE);
        for (int i = page.size() - 1; i >= 0; i--) {
            shown = EntryDecoder.decode(page.get(i));
            if (shown.isPresent()) {
                return shown.get();
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<List<Message>> messages(long conversationId, long beforeSeq, int limit) {
        MagpieClient c = client;
        // the library reads the local page on the calling thread: not on the FX thread
        CompletableFuture<List<EntryRecord>> history = CompletableFuture.completedFuture(c)
                .thenComposeAsync(on -> on.history(conversationId, beforeSeq, limit), reader);
        return Failures.chat(history).thenApply(page -> {
            List<Message> out = new ArrayList<>();
            page.forEach(e ->
                    EntryDecoder.decode(e).map(m -> withRecalledOriginal(c, m)).ifPresent(out::add));
            return out;
        });
    }

    @Override
    public CompletableFuture<LogChanges> changesAfter(long conversationId, long afterSeq, int limit) {
        MagpieClient c = client;
        return read(() -> NewEntries.read(c, conversationId, afterSeq, limit));
    }

    /** A reply whose quoted message this device knows was recalled says so. */
    static Message withRecalledOriginal(MagpieClient c, Message m) {
        Quote q = m.content() instanceof Content.Text t ? t.quote() : null;
        if (q == null) {
            return m;
        }
        Content.Text t = (Content.Text) m.content();
        boolean recalled =
                c.entry(m.conversationId(), q.seq()).map(EntryRecord::recalled).orElse(false);
        if (!recalled) {
            return m;
        }
        return new Message(
                m.conversationId(),
                m.seq(),
                m.senderId(),
                m.timeMs(),
                new Content.Text(t.text(), t.mentions(), t.mentionAll(), q.withOriginalRecalled(true)),
                m.recalled(),
                m.clientMessageId(),
                m.forwarded());
    }

    @Override
    public CompletableFuture<List<PendingMessage>> pending(long conversationId) {
        return read(() -> {
            List<PendingMessage> out = new ArrayList<>();
            for (OutboxRecord r : client.pendingMessages()) {
                if (r.conversationId() == conversationId) {
                    try {
                        out.add(new PendingMessage(
                                r.clientMessageId(), conversationId, r.createdMs(), EntryDecoder.body(r.body())));
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        // not shown: the outbox still sends it
                    }
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Map<Long, String>> displayNames(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        MagpieClient c = client;
        List<Long> ids = List.copyOf(userIds);
        // the library looks in its user cache on the calling thread: not on the FX thread
        return CompletableFuture.completedFuture(c)
                .thenComposeAsync(on -> on.users(ids), reader)
                .handle((users, e) -> {
                    Map<Long, String> names = new HashMap<>();
                    if (users != null) {
                        for (UserRecord u : users) {
                            names.put(u.userId(), u.displayName().isBlank() ? u.account() : u.displayName());
                        }
                    }
                    return names;
                });
    }

    @Override
    public CompletableFuture<List<Member>> members(long conversationId) {
        return groups.members(conversationId);
    }

    @Override
    public MemberSearch memberSearch(List<Member> members) {
        return MemberSearches.pinyin(members, pinyin());
    }

    private synchronized PinyinTable pinyin() {
        PinyinTable loaded = pinyin;
        if (loaded == null) {
            loaded = PinyinTable.load();
            pinyin = loaded;
        }
        return loaded;
    }

    @Override
    public CompletableFuture<String> sendText(long conversationId, OutgoingText text) {
        Quote q = text.quote();
        im.magpie.client.OutgoingText out = im.magpie.client.OutgoingText.of(text.text())
                .mentioning(text.mentions())
                .mentioningAll(text.mentionAll())
                .quoting(q == null ? null : new QuotedMessage(q.seq(), q.senderId(), q.excerpt()));
        return read(() -> client.sendText(conversationId, out));
    }

    @Override
    public String excerpt(String text) {
        return QuotedMessage.excerpt(text);
    }

    @Override
    public CompletableFuture<List<String>> forward(long conversationId, long seq, List<Long> targetConversationIds) {
        return read(() -> client.forward(conversationId, seq, targetConversationIds));
    }

    @Override
    public CompletableFuture<Set<Long>> peopleMatching(String query) {
        MagpieClient c = client;
        return Failures.chat(CompletableFuture.supplyAsync(
                () -> {
                    Set<Long> ids = new java.util.HashSet<>();
                    c.searchPeople(query, PEOPLE_MATCHES).forEach(p -> ids.add(p.userId()));
                    return ids;
                },
                people));
    }

    @Override
    public CompletableFuture<Map<Long, Long>> readMarks(long conversationId) {
        MagpieClient c = client;
        return read(() -> {
            Map<Long, Long> marks = new HashMap<>();
            c.conversation(conversationId).ifPresent(r -> r.members().forEach(m -> marks.put(m.userId(), m.readSeq())));
            return marks;
        });
    }

    @Override
    public CompletableFuture<String> sendFile(
            long conversationId, Path path, boolean folder, TransferListener progress) {
        Transfer transfer = new Transfer(progress::progress);
        CompletableFuture<String> sent = folder
                ? client.sendFolder(conversationId, path, transfer)
                : client.sendFile(conversationId, path, transfer);
        return cancellable(remembered(sent, conversationId, id -> "c" + id, id -> path), transfer);
    }

    /** {@code work}, a download or receive of message {@code seq}, remembering where it saved the file or folder. */
    private CompletableFuture<Path> rememberedSave(CompletableFuture<Path> work, long conversationId, long seq) {
        return remembered(work, conversationId, saved -> "s" + seq, saved -> saved);
    }

    /**
     * {@code work}, remembering where the file of its message is once it completes (on the store thread, before the
     * result is passed on, so a chat opened next finds it).
     */
    private <T> CompletableFuture<T> remembered(
            CompletableFuture<T> work,
            long conversationId,
            java.util.function.Function<T, String> ref,
            java.util.function.Function<T, Path> path) {
        return work.thenApplyAsync(
                result -> {
                    try {
                        client.rememberFile(conversationId, ref.apply(result), path.apply(result));
                    } catch (RuntimeException e) {
                        LOG.warn("could not remember where a file is: {}", e.toString());
                    }
                    return result;
                },
                reader);
    }

    @Override
    public CompletableFuture<Map<String, Path>> savedFiles(long conversationId, List<String> refs) {
        return Failures.chat(CompletableFuture.supplyAsync(() -> client.rememberedFiles(conversationId, refs), reader));
    }

    @Override
    public CompletableFuture<Path> download(long conversationId, long seq, Path target, TransferListener progress) {
        Transfer transfer = new Transfer(progress::progress);
        return cancellable(
                rememberedSave(
                        new Downloads(client, reader).download(conversationId, seq, target, transfer),
                        conversationId,
                        seq),
                transfer);
    }

    @Override
    public CompletableFuture<Path> receive(long conversationId, long seq, Path folder, TransferListener progress) {
        Transfer transfer = new Transfer(progress::progress);
        return cancellable(
                rememberedSave(
                        new Downloads(client, reader).receive(conversationId, seq, folder, transfer),
                        conversationId,
                        seq),
                transfer);
    }

    private CompletableFuture<Path> autoReceive(long conversationId, long seq, Path folder, TransferListener progress) {
        Transfer transfer = new Transfer(progress::progress);
        return cancellable(
                rememberedSave(
                        new Downloads(client, reader).receive(conversationId, seq, folder, transfer, true),
                        conversationId,
                        seq),
                transfer);
    }

    @Override
    public Optional<CompletableFuture<Path>> autoReceived(long conversationId, long seq, TransferListener progress) {
        return autoReceiver.follow(conversationId, seq, progress);
    }

    /** The port's future: cancelling it cancels the transfer in the client library. */
    private static <T> CompletableFuture<T> cancellable(CompletableFuture<T> running, Transfer transfer) {
        CompletableFuture<T> mapped = Failures.chat(running);
        var unused = mapped.whenComplete((v, e) -> {
            if (mapped.isCancelled()) {
                transfer.cancel();
            }
        });
        return mapped;
    }

    @Override
    public CompletableFuture<Path> image(long conversationId, long seq) {
        return Failures.chat(new Downloads(client, reader)
                .cachedImage(conversationId, seq, dataDir.resolve("cache").resolve("images"), Transfer.untracked()));
    }

    @Override
    public CompletableFuture<Void> recall(long conversationId, long seq) {
        return Failures.chat(client.recall(conversationId, seq));
    }

    @Override
    public CompletableFuture<Void> markRead(long conversationId, long seq) {
        return Failures.chat(client.markRead(conversationId, seq));
    }

    @Override
    public CompletableFuture<Void> setMuted(long conversationId, boolean muted) {
        return Failures.chat(client.setMuted(conversationId, muted));
    }

    @Override
    public CompletableFuture<Void> setPinned(long conversationId, boolean pinned) {
        return Failures.chat(client.setPinned(conversationId, pinned));
    }

    @Override
    public CompletableFuture<ConversationInfo> openDirect(String account) {
        return opened(client.openDirect(account));
    }

    @Override
    public CompletableFuture<ConversationInfo> openSelf() {
        return opened(client.openSelf());
    }

    private CompletableFuture<ConversationInfo> opened(CompletableFuture<ConversationRecord> f) {
        return Failures.chat(f.thenApplyAsync(r -> info(client, r, client.userId()), reader));
    }

    /** The settings section's port: profile, signature, log out and remove local data. */
    public SettingsPort settings() {
        return new BackendSettings(() -> client, people);
    }

    /** The group screens' port: picker, group panel and hover cards, over the same client and threads. */
    public GroupPort groups() {
        return groups;
    }

    /** The contacts section's port: people cache, search and presence, over the same client. */
    public ContactsPort contacts() {
        return new BackendContacts(() -> client, people);
    }

    /** The history viewer's port, over the same client and reader thread. */
    public HistoryPort history() {
        return new BackendHistory(() -> client, reader);
    }

    /** The notifications' port: stored messages with what a pop-up needs, over the same client and reader thread. */
    public NotifyPort notifications() {
        return notifications;
    }

    /**
     * Runs {@code listener} (on a client thread) after an administrator's remote wipe deleted this device's data: the
     * session is gone and the login window must come back.
     */
    public void onDeviceWiped(Runnable listener) {
        wipeListeners.add(listener);
    }

    /**
     * Adds {@code listener}; when the session already ended (a start straight into the main window can be told so
     * while its window is still being built), it hears so at once.
     */
    @Override
    public void addListener(ChatEvents listener) {
        listeners.add(listener);
        if (client.connectionState() == ConnectionState.SESSION_ENDED && !wiped) {
            listener.sessionEnded("");
        }
    }

    @Override
    public void removeListener(ChatEvents listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        client.close();
        reader.shutdownNow();
        people.shutdownNow();
    }

    /** Turns the library's listener calls into {@link ChatEvents}. */
    private final class Forwarder implements ClientListener {
        @Override
        public void onEntries(List<EntryRecord> entries) {
            Set<Long> ids = new TreeSet<>();
            entries.forEach(e -> ids.add(e.conversationId()));
            autoReceiver.stored(entries); // first: an open chat that reloads finds the transfers started
            listeners.forEach(l -> l.entriesChanged(ids));
            notifications.stored(entries);
        }

        @Override
        public void onConversationsChanged(List<ConversationRecord> conversations) {
            if (conversations.isEmpty()) {
                // a sync page that changed no conversation (the periodic sync, a reconnect with nothing new): told as
                // "no ids", the list reloaded all its conversations for it
                return;
            }
            Set<Long> ids = new TreeSet<>();
            conversations.forEach(c -> ids.add(c.id()));
            listeners.forEach(l -> l.conversationsChanged(ids));
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            if (state != ConnectionState.SESSION_ENDED && (state == ConnectionState.ONLINE || !firstConnecting)) {
                listeners.forEach(l -> l.connectionChanged(state == ConnectionState.ONLINE));
            }
            if (state == ConnectionState.ONLINE) {
                autoReceiver.catchUp();
            }
        }

        @Override
        public void onSessionEnded(String reason) {
            listeners.forEach(l -> l.sessionEnded(reason));
        }

        @Override
        public void onDeviceWiped(DeviceWipedException wipe, @Nullable Exception error) {
            LOG.warn(
                    "this device was wiped by an administrator{}",
                    error == null ? "" : " (not completely: " + error + ")");
            wiped = true;
            wipeListeners.forEach(Runnable::run);
        }

        @Override
        public void onMessageSent(String clientMessageId, long conversationId, long seq) {
            listeners.forEach(l -> l.messageSent(clientMessageId, conversationId, seq));
        }

        @Override
        public void onMessageFailed(String clientMessageId, long conversationId, String code) {
            listeners.forEach(l -> l.messageFailed(clientMessageId, conversationId, code));
        }
    }
}
