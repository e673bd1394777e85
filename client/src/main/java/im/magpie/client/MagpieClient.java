package im.magpie.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.client.net.ServerAddress;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.ConversationSettings;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MessageSearch;
import im.magpie.client.store.OutboxRecord;
import im.magpie.client.store.PersonRecord;
import im.magpie.client.store.SearchPage;
import im.magpie.client.store.UserRecord;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.ReadReceiptsResponse;
import im.magpie.protocol.v1.UserInfo;
import im.magpie.protocol.v1.UserPresence;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The headless client: the facade the CLI, the desktop UI, the load generator and end-to-end tests drive. One
 * instance per data directory; at most one logged-in account at a time.
 *
 * <p>Network operations return {@link CompletableFuture}s completed on the client's callback executor (never on a
 * Netty thread); do not block inside callbacks or listeners. Local reads ({@link #conversations()},
 * {@link #messages}, {@link #search}) read the encrypted store directly and throw {@link IllegalStateException}
 * without a session.
 */
public final class MagpieClient implements AutoCloseable {
    private final ClientRuntime rt;
    private final SessionStarter starter;
    private final boolean ownsSharedThreads;
    private volatile @Nullable ClientSession session;

    private MagpieClient(ClientRuntime rt, SessionStarter starter, boolean ownsSharedThreads) {
        this.rt = rt;
        this.starter = starter;
        this.ownsSharedThreads = ownsSharedThreads;
    }

    /**
     * Opens a client on {@code dataDir} (one per client instance). {@code serverAddress} ({@code host} or
     * {@code host:port} of discovery) may be null to use the server remembered from the last login.
     */
    public static MagpieClient open(Path dataDir, @Nullable String serverAddress, ClientOptions options)
            throws IOException {
        ThreadFactory nettyThreads = r -> daemon(r, "magpie-netty");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, nettyThreads, NioIoHandler.newFactory());
        ExecutorService io = Executors.newCachedThreadPool(r -> daemon(r, "magpie-io"));
        return open(dataDir, serverAddress, options, group, io, true);
    }

    /**
     * Like {@link #open(Path, String, ClientOptions)}, but on a Netty event loop group and an I/O executor shared
     * by many clients (the load generator, tests with many devices). {@link #close()} leaves both running; each
     * client still has its own single callback thread.
     */
    public static MagpieClient open(
            Path dataDir,
            @Nullable String serverAddress,
            ClientOptions options,
            EventLoopGroup sharedGroup,
            ExecutorService sharedIo)
            throws IOException {
        return open(dataDir, serverAddress, options, sharedGroup, sharedIo, false);
    }

    private static MagpieClient open(
            Path dataDir,
            @Nullable String serverAddress,
            ClientOptions options,
            EventLoopGroup group,
            ExecutorService io,
            boolean owned)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ClientConfig config = ClientConfig.read(dataDir, json);
        if (serverAddress != null && !serverAddress.isBlank()) {
            config = config.withServer(ServerAddress.parse(serverAddress).toString());
        }
        ScheduledExecutorService callbacks =
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "magpie-client"));
        ClientRuntime rt = new ClientRuntime(callbacks, io, group, json, options, new ListenerSet());
        return new MagpieClient(rt, new SessionStarter(dataDir, rt, config), owned);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void addListener(ClientListener listener) {
        rt.listeners().add(listener);
    }

    public void removeListener(ClientListener listener) {
        rt.listeners().remove(listener);
    }

    /** The server address ({@code host:port} of discovery); empty when none was given yet. */
    public String serverAddress() {
        return starter.config().server();
    }

    /**
     * The account of the last login in this data directory, if any: kept after {@link #logout()} (a login window fills
     * it in), forgotten by {@link #removeLocalData()} and a remote wipe.
     */
    public Optional<String> rememberedAccount() {
        String a = starter.config().account();
        return a.isEmpty() ? Optional.empty() : Optional.of(a);
    }

    /**
     * Whether the remembered account has a session to resume: false when none is remembered or it was logged out
     * here. (A session the server ended is found out by {@link #resume} or {@link #openRememberedSession}.)
     */
    public boolean hasRememberedSession() {
        return starter.hasSession();
    }

    /**
     * The directory where the logged-in account may cache downloaded files and images on this device (not created
     * here). A remote wipe deletes it together with the database and the device key.
     */
    public Path cacheDir() {
        require();
        return starter.accountFiles(starter.config().account()).cacheDir();
    }

    /** The pinned certificate fingerprint of the server; empty before first contact. */
    public String pinnedFingerprint() {
        return starter.config().fingerprint();
    }

    // ---- session ----

    /**
     * Logs in with a password: discovery, pin check (first contact asks the {@link FirstContactPolicy}), TLS, login;
     * then keeps the session up, syncs and sends the outbox. The account's encrypted store is created on first login.
     */
    public CompletableFuture<LoginResponse> login(String account, String password, String deviceName) {
        closeSession();
        // Complete only once the session adopted the login's connection, so that a request made right
        // after the future completes finds it (the adoption runs on the callback executor).
        return starter.login(account, password, deviceName).thenCompose(started -> {
            session = started.session();
            return started.session().firstConnection().thenApply(connected -> started.login());
        });
    }

    /**
     * Resumes the remembered session with its stored token. Completes once connected (it keeps retrying while the
     * server is unreachable: apply a timeout); fails with {@link NotLoggedInException} when there is no session or
     * the server ended it.
     */
    public CompletableFuture<Void> resume(String deviceName) {
        return openRememberedSession(deviceName).thenCompose(opened -> firstConnection());
    }

    /**
     * Opens the remembered session from this device's data: completes once its encrypted store is open, so local
     * reads work offline, while the session connects in the background (see {@link #firstConnection()}). Fails with
     * {@link NotLoggedInException} when there is no stored session.
     */
    public CompletableFuture<Void> openRememberedSession(String deviceName) {
        closeSession();
        return starter.resume(deviceName).thenAccept(s -> session = s);
    }

    /** Completes when the current session first connects; fails when it ends before that, or when there is none. */
    public CompletableFuture<Void> firstConnection() {
        return future(ClientSession::firstConnection);
    }

    public ConnectionState connectionState() {
        ClientSession s = session;
        return s == null ? ConnectionState.OFFLINE : s.state();
    }

    /** Why the last connect attempt failed (for "cannot reach the server" messages), if it did. */
    public Optional<Throwable> lastConnectError() {
        ClientSession s = session;
        return s == null ? Optional.empty() : Optional.ofNullable(s.lastError());
    }

    /** The logged-in user's id, 0 without a session. */
    public long userId() {
        ClientSession s = session;
        return s == null ? 0 : s.userId();
    }

    /** This device's id as the server assigned it at the first login ("" before). */
    public String deviceId() {
        return require()
                .store()
                .settings()
                .get(im.magpie.client.store.SettingsTable.DEVICE_ID)
                .orElse("");
    }

    /** Pulls every change since the last sync into the local store. */
    public CompletableFuture<Void> sync() {
        return future(s -> s.syncEngine().sync());
    }

    /**
     * Ends the session on the server (revokes the token) and forgets it locally. The account stays remembered (see
     * {@link #rememberedAccount()}), but {@link #resume} no longer tries it: the next start asks for the password.
     */
    public CompletableFuture<Void> logout() {
        ClientSession s = session;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.logout().whenComplete((ok, err) -> {
            session = null;
            s.store().close();
            starter.loggedOut();
        });
    }

    /**
     * "Remove local data" on this device: ends the session on the server (best effort: also offline), then deletes
     * the account's encrypted database, device key and cache, and forgets the account. Fails only when files could
     * not be deleted.
     */
    public CompletableFuture<Void> removeLocalData() {
        ClientSession s = session;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.logout()
                .handle((ok, err) -> null)
                .thenRunAsync(
                        () -> {
                            session = null;
                            s.store().close();
                            starter.forgetAccount();
                            try {
                                s.files().deleteAll();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        rt.io());
    }

    // ---- local reads ----

    public List<ConversationRecord> conversations() {
        return require().store().conversations().all();
    }

    public Optional<ConversationRecord> conversation(long conversationId) {
        return require().store().conversations().find(conversationId);
    }

    /** Up to {@code limit} stored entries below {@code beforeSeq} ({@link Long#MAX_VALUE}: newest), oldest first. */
    public List<EntryRecord> messages(long conversationId, long beforeSeq, int limit) {
        return require().store().entries().page(conversationId, beforeSeq, limit);
    }

    /**
     * Up to {@code limit} stored entries above {@code afterSeq}, oldest first, of every kind (recall markers and read
     * marks too): what was stored since a reader last looked.
     */
    public List<EntryRecord> entriesAfter(long conversationId, long afterSeq, int limit) {
        return require().store().entries().after(conversationId, afterSeq, limit);
    }

    /**
     * How many stored messages of others above {@code afterSeq} (the user's read mark) are not recalled, counting no
     * further than {@code cap}: a conversation's unread badge ("99+") without reading a page of entries.
     */
    public int unreadCount(long conversationId, long afterSeq, int cap) {
        return require().store().entries().unreadCount(conversationId, afterSeq, userId(), cap);
    }

    public Optional<EntryRecord> entry(long conversationId, long seq) {
        return require().store().entries().find(conversationId, seq);
    }

    /** Local full-text search over message text and file names (one- and two-character Chinese included). */
    public List<EntryRecord> search(String query, int limit) {
        return require().store().entries().search(query, limit);
    }

    /** One page of a local search by text, conversation, sender and time (see {@link MessageSearch}). */
    public SearchPage search(MessageSearch query) {
        return require().store().entries().search(query);
    }

    /** Messages not yet acknowledged by the server. */
    /**
     * The active conversations the user writes to most, most used first (feature M14): messages sent, each counting
     * less as it ages (half-life one week). The first call on a device that arrived with history seeds the counts
     * from the user's own stored messages, which reads them once.
     */
    public List<ConversationRecord> frequentConversations(int limit) {
        var store = require().store();
        long now = rt.options().clock().millis();
        store.usage().seedOnce(userId(), now);
        List<ConversationRecord> out = new ArrayList<>();
        for (long id : store.usage().ranked(now, Integer.MAX_VALUE)) {
            store.conversations().find(id).filter(ConversationRecord::active).ifPresent(out::add);
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    /**
     * Remembers where the file or folder of a message is on this device (saved to, or sent from); {@code ref} names
     * the message within its conversation, as the caller chooses.
     */
    public void rememberFile(long conversationId, String ref, java.nio.file.Path path) {
        require().store().savedFiles().remember(conversationId, ref, path);
    }

    /** The remembered places of {@code refs} that still exist on disk. Reads the store: not on a UI thread. */
    public Map<String, java.nio.file.Path> rememberedFiles(long conversationId, Collection<String> refs) {
        Map<String, java.nio.file.Path> out = require().store().savedFiles().of(conversationId, refs);
        out.values().removeIf(p -> !java.nio.file.Files.exists(p));
        return out;
    }

    public List<OutboxRecord> pendingMessages() {
        return require().store().outbox().pending();
    }

    public Optional<OutboxRecord> outboxMessage(String clientMessageId) {
        return require().store().outbox().find(clientMessageId);
    }

    /** Waits until every queued message was acknowledged or refused; false on timeout. Not on a callback thread. */
    public boolean awaitFlushed(Duration timeout) throws InterruptedException {
        return require().outbox().awaitFlushed(timeout);
    }

    public Optional<UserRecord> cachedUser(long userId) {
        return require().store().users().find(userId);
    }

    // ---- messaging ----

    /** Queues a text message; returns its client message id once stored locally. */
    public String sendText(long conversationId, OutgoingText text) {
        return messaging().sendText(conversationId, text);
    }

    /** As {@link #sendText(long, OutgoingText)} for a text that @mentions {@code mentionUserIds} and quotes nothing. */
    public String sendText(long conversationId, String text, List<Long> mentionUserIds) {
        return sendText(conversationId, text, mentionUserIds, false);
    }

    /**
     * As {@link #sendText(long, OutgoingText)} for a text that @mentions {@code mentionUserIds} (members) and, with
     * {@code mentionAll}, everyone in the group (owner and admins only: the server refuses it from a plain member with
     * PERMISSION_DENIED, reported to {@link ClientListener#onMessageFailed}).
     */
    public String sendText(long conversationId, String text, List<Long> mentionUserIds, boolean mentionAll) {
        return sendText(
                conversationId, OutgoingText.of(text).mentioning(mentionUserIds).mentioningAll(mentionAll));
    }

    /**
     * Forwards the stored message at {@code seq} to each target conversation (files by reference, no upload); returns
     * the client message ids, in target order, once queued locally. Throws {@link IllegalArgumentException} when there
     * is no such message or it was recalled.
     */
    public List<String> forward(long conversationId, long seq, List<Long> targetConversationIds) {
        return messaging().forward(conversationId, seq, targetConversationIds);
    }

    /** Uploads the file (resumable), then queues the file message; completes with its client message id. */
    public CompletableFuture<String> sendFile(long conversationId, Path file) {
        return sendFile(conversationId, file, Transfer.untracked());
    }

    /** As {@link #sendFile(long, Path)}, followed and cancellable through {@code transfer}. */
    public CompletableFuture<String> sendFile(long conversationId, Path file, Transfer transfer) {
        return future(s -> new Messaging(s, rt).sendFile(conversationId, file, transfer));
    }

    /** Uploads every file below {@code dir}, then queues one folder message. */
    public CompletableFuture<String> sendFolder(long conversationId, Path dir) {
        return sendFolder(conversationId, dir, Transfer.untracked());
    }

    /** As {@link #sendFolder(long, Path)}; the total is every file's size, known before the first upload starts. */
    public CompletableFuture<String> sendFolder(long conversationId, Path dir, Transfer transfer) {
        return future(s -> new Messaging(s, rt).sendFolder(conversationId, dir, transfer));
    }

    /** Downloads (resumable, SHA-256 verified, atomic rename) a file to {@code target}. */
    public CompletableFuture<Path> downloadFile(FileContent file, Path target) {
        return downloadFile(file, target, Transfer.untracked());
    }

    /**
     * As {@link #downloadFile(FileContent, Path)}, followed and cancellable through {@code transfer}; several downloads
     * may share one transfer (the files of a folder).
     */
    public CompletableFuture<Path> downloadFile(FileContent file, Path target, Transfer transfer) {
        return future(s -> new Messaging(s, rt).downloadFile(file, target, transfer));
    }

    /** Local entries, then older pages from the server when the local store runs out; oldest first. */
    public CompletableFuture<List<EntryRecord>> history(long conversationId, long beforeSeq, int limit) {
        return future(s -> new Messaging(s, rt).history(conversationId, beforeSeq, limit));
    }

    public CompletableFuture<Void> recall(long conversationId, long seq) {
        return future(s -> new Messaging(s, rt).recall(conversationId, seq));
    }

    public CompletableFuture<Void> markRead(long conversationId, long seq) {
        return future(s -> new Messaging(s, rt).markRead(conversationId, seq));
    }

    public CompletableFuture<ReadReceiptsResponse> readReceipts(long conversationId, long seq) {
        return future(s -> new Messaging(s, rt).readReceipts(conversationId, seq));
    }

    // ---- conversations, people, presence ----

    /** Looks the account up, then opens (creating if needed) the direct conversation with them. */
    public CompletableFuture<ConversationRecord> openDirect(String account) {
        return future(s -> new Conversations(s, rt).openDirect(account));
    }

    public CompletableFuture<ConversationRecord> openSelf() {
        return future(s -> new Conversations(s, rt).openSelf());
    }

    public CompletableFuture<ConversationRecord> createGroup(String title, List<String> accounts) {
        return future(s -> new Conversations(s, rt).createGroup(title, accounts));
    }

    public CompletableFuture<ConversationRecord> renameGroup(long conversationId, String title) {
        return future(s -> new Conversations(s, rt).renameGroup(conversationId, title));
    }

    public CompletableFuture<ConversationRecord> addMembers(long conversationId, List<String> accounts) {
        return future(s -> new Conversations(s, rt).addMembers(conversationId, accounts));
    }

    public CompletableFuture<ConversationRecord> removeMember(long conversationId, String account) {
        return future(s -> new Conversations(s, rt).removeMember(conversationId, account));
    }

    public CompletableFuture<ConversationRecord> leaveGroup(long conversationId) {
        return future(s -> new Conversations(s, rt).leaveGroup(conversationId));
    }

    /** Owner only: makes a member an admin or a plain member again, or hands the ownership over (OWNER). */
    public CompletableFuture<ConversationRecord> setMemberRole(
            long conversationId, long userId, im.magpie.protocol.v1.MemberRole role) {
        return future(s -> new Conversations(s, rt).setMemberRole(conversationId, userId, role));
    }

    /** Mute and pin of every conversation that has settings (others: {@link ConversationSettings#NONE}). */
    public Map<Long, ConversationSettings> conversationSettings() {
        return require().store().conversationSettings().all();
    }

    /**
     * Mutes (do not disturb) or unmutes a conversation on all of this user's devices; completes once the change came
     * back through sync (then {@link #conversationSettings()} shows it and listeners heard of the SELF conversation).
     */
    public CompletableFuture<Void> setMuted(long conversationId, boolean muted) {
        return future(s -> new Conversations(s, rt)
                .setSettings(
                        conversationId,
                        s.store().conversationSettings().of(conversationId).withMuted(muted)));
    }

    /** Pins or unpins a conversation (listed first) on all of this user's devices; completes like {@link #setMuted}. */
    public CompletableFuture<Void> setPinned(long conversationId, boolean pinned) {
        return future(s -> new Conversations(s, rt)
                .setSettings(
                        conversationId,
                        s.store().conversationSettings().of(conversationId).withPinned(pinned)));
    }

    public CompletableFuture<List<UserInfo>> lookupAccounts(List<String> accounts) {
        return future(s -> new Conversations(s, rt).lookupAccounts(accounts));
    }

    /** Users by id, from the local cache first. */
    public CompletableFuture<List<UserRecord>> users(List<Long> userIds) {
        return future(s -> new Conversations(s, rt).users(userIds));
    }

    /**
     * Fetches everyone the server lets the user see (with signatures) into the local people cache and its search
     * index; completes with how many people there are.
     */
    public CompletableFuture<Integer> refreshPeople() {
        return future(s -> new Directory(s, rt).refresh());
    }

    /**
     * Searches the local people cache by name, account, full pinyin or pinyin initials (mixed freely, e.g. "zhangs",
     * "张s"; polyphonic characters match every reading): up to {@code limit} people, best match first. A blank query
     * lists people in name order. The first call after login builds the in-memory index from the store; later
     * calls take well under a millisecond to a few milliseconds for 100,000 people.
     */
    public List<PersonRecord> searchPeople(String query, int limit) {
        return require().people().index().search(query, limit);
    }

    /** Everyone in the local people cache, in name (pinyin) order. */
    public List<PersonRecord> people() {
        return require().people().index().all();
    }

    /** How many people the local people cache holds (without copying them as {@link #people()} does). */
    public int peopleCount() {
        return require().people().index().size();
    }

    public Optional<PersonRecord> person(long userId) {
        return require().people().index().find(userId);
    }

    /** Sets the user's own signature (status line, at most 100 characters on one line; empty clears it). */
    public CompletableFuture<Void> setSignature(String signature) {
        return future(s -> new Directory(s, rt).setSignature(signature));
    }

    /**
     * Replaces this client's default presence watch (users that {@link #watchPresence} watches stay watched); changes
     * arrive through {@link ClientListener#onPresence}.
     */
    public CompletableFuture<List<UserPresence>> subscribePresence(List<Long> userIds) {
        return future(s -> new Conversations(s, rt).subscribePresence(userIds));
    }

    /**
     * Watches the presence of {@code userIds} in addition to everything watched already (a group's member list
     * beside the contacts); completes with their presence now, and changes arrive through
     * {@link ClientListener#onPresence}. Pair every call with an {@link #unwatchPresence} of the same users. Fails with
     * {@link PresenceLimitException} when the client would watch more than 5,000 users.
     */
    public CompletableFuture<List<UserPresence>> watchPresence(Collection<Long> userIds) {
        return future(s -> s.presence().watch(userIds));
    }

    /** Ends one {@link #watchPresence} of {@code userIds}. */
    public CompletableFuture<Void> unwatchPresence(Collection<Long> userIds) {
        return future(s -> s.presence().unwatch(userIds));
    }

    @Override
    public void close() {
        closeSession();
        rt.callbacks().shutdownNow();
        if (ownsSharedThreads) {
            rt.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            rt.io().shutdownNow();
        }
    }

    private Messaging messaging() {
        return new Messaging(require(), rt);
    }

    private void closeSession() {
        ClientSession s = session;
        session = null;
        if (s == null) {
            return;
        }
        s.close();
        try {
            rt.callbacks().submit(() -> null).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort: the store closes below anyway
        }
        s.store().close();
    }

    private ClientSession require() {
        ClientSession s = session;
        if (s == null || s.wiped() != null) {
            throw new IllegalStateException("not logged in");
        }
        return s;
    }

    private <T> CompletableFuture<T> future(Function<ClientSession, CompletableFuture<T>> call) {
        ClientSession s = session;
        if (s == null || s.wiped() != null) {
            return CompletableFuture.failedFuture(new NotLoggedInException("not logged in"));
        }
        return call.apply(s);
    }
}
