package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory {@link ChatPort}: conversations, messages and users set by the test; records what was asked. */
final class FakeChatPort implements ChatPort {
    final long self;
    final List<ConversationInfo> conversations = new ArrayList<>();
    final Map<Long, List<Message>> messages = new HashMap<>();
    final Map<Long, List<PendingMessage>> pending = new HashMap<>();
    final Map<Long, String> names = new HashMap<>();
    final List<String> sentTexts = new ArrayList<>();
    final List<List<Long>> sentMentions = new ArrayList<>();
    final List<Boolean> sentMentionAll = new ArrayList<>();
    final List<java.util.Optional<Quote>> sentQuotes = new ArrayList<>();
    /** One forward per target. */
    final List<Forward> forwards = new ArrayList<>();
    /** Seqs whose next forward fails (offline), once each. */
    final Set<Long> failingForwards = new java.util.HashSet<>();
    /** What {@link #peopleMatching} finds, by lower-case query (the client's pinyin search stands behind it). */
    final Map<String, Set<Long>> peopleByQuery = new HashMap<>();
    /** Member read marks that {@link #readMarks} reports. */
    final Map<Long, Long> memberReadMarks = new HashMap<>();

    final List<Member> members = new ArrayList<>();
    /** Pinyin initials of members' names for {@link #memberSearch}, by user id. */
    final Map<Long, String> initials = new HashMap<>();

    final List<Path> sentPaths = new ArrayList<>();
    final List<Long> readMarks = new ArrayList<>();
    /** While set, read marks are answered only when the test completes them ({@link #heldMarks}). */
    boolean holdMarks;

    final List<CompletableFuture<Void>> heldMarks = new ArrayList<>();
    final List<Long> recalled = new ArrayList<>();
    final List<ChatEvents> listeners = new CopyOnWriteArrayList<>();
    final Map<String, ConversationInfo> accounts = new HashMap<>();
    /** Local copies of image messages by seq; asking for another fails. */
    final Map<Long, Path> images = new HashMap<>();

    final List<Long> imagesAsked = new ArrayList<>();
    CompletableFuture<String> nextFileResult = new CompletableFuture<>();
    /** What the next download or receive returns (null: done at once, to the target). */
    @org.jspecify.annotations.Nullable
    CompletableFuture<Path> nextDownload;

    final List<Path> receivedInto = new ArrayList<>();
    /** What auto-receive took, by seq: {@link #autoReceived} offers these. */
    final Map<Long, CompletableFuture<Path>> autoReceivedBySeq = new HashMap<>();
    /** The progress listeners the chat follows auto-received messages with, by seq. */
    final Map<Long, TransferListener> autoReceivedFollowers = new HashMap<>();

    final List<Long> downloads = new ArrayList<>();
    /** Where files of messages are kept on this device, by the port's ref ({@link #savedFiles}). */
    final Map<String, Path> savedFiles = new HashMap<>();

    TransferListener lastProgress = TransferListener.NONE;
    /** How often the whole conversation list was read. */
    int listReads;
    /** Each message page asked for. */
    final List<Read> messageReads = new ArrayList<>();
    /** While set, reads of older pages (all but the newest) fail, as one from the server fails while offline. */
    boolean olderReadsFail;
    /** While set, message pages are answered only by {@link #releaseReads}. */
    boolean holdReads;
    /** When set, message pages and names are answered on this executor, as the real port's store thread does. */
    java.util.concurrent.@org.jspecify.annotations.Nullable Executor readsOn;

    private final List<Runnable> held = new ArrayList<>();
    /** Each {@link #changesAfter} read: the seq it read after. */
    final List<Long> changeReads = new ArrayList<>();
    /** The version of each message last handed out, by conversation and seq: {@link #changesAfter} reports changes. */
    private final Map<Long, Map<Long, Message>> served = new HashMap<>();

    record Read(long beforeSeq, int limit) {}

    /** The ids each {@link #conversations(Set)} call asked for. */
    final List<Set<Long>> conversationReads = new ArrayList<>();

    int sendCounter;
    boolean online = true;

    record Forward(long from, long seq, long to) {}

    FakeChatPort(long self) {
        this.self = self;
    }

    @Override
    public long selfUserId() {
        return self;
    }

    @Override
    public boolean online() {
        return online;
    }

    @Override
    public CompletableFuture<List<ConversationInfo>> conversations() {
        listReads++;
        return CompletableFuture.completedFuture(List.copyOf(conversations));
    }

    @Override
    public CompletableFuture<List<ConversationInfo>> conversations(Set<Long> ids) {
        conversationReads.add(Set.copyOf(ids));
        return CompletableFuture.completedFuture(
                conversations.stream().filter(c -> ids.contains(c.id())).toList());
    }

    @Override
    public CompletableFuture<List<Message>> messages(long conversationId, long beforeSeq, int limit) {
        messageReads.add(new Read(beforeSeq, limit));
        if (olderReadsFail && beforeSeq != Long.MAX_VALUE) {
            return CompletableFuture.failedFuture(new java.io.IOException("offline: older page not stored here"));
        }
        List<Message> all = messages.getOrDefault(conversationId, List.of());
        List<Message> below = all.stream().filter(m -> m.seq() < beforeSeq).toList();
        List<Message> page = List.copyOf(below.subList(Math.max(0, below.size() - limit), below.size()));
        serve(conversationId, page);
        return answer(page);
    }

    /**
     * Like the store: the messages after {@code afterSeq}, and those at or below it that changed since they were last
     * handed out (a test replaces a message with its recalled version).
     */
    @Override
    public CompletableFuture<LogChanges> changesAfter(long conversationId, long afterSeq, int limit) {
        changeReads.add(afterSeq);
        List<Message> all = messages.getOrDefault(conversationId, List.of());
        List<Message> added =
                all.stream().filter(m -> m.seq() > afterSeq).limit(limit).toList();
        Map<Long, Message> given = served.computeIfAbsent(conversationId, k -> new HashMap<>());
        List<Message> changed = all.stream()
                .filter(m -> m.seq() <= afterSeq && given.containsKey(m.seq()) && !m.equals(given.get(m.seq())))
                .toList();
        long newest = added.isEmpty() ? afterSeq : added.get(added.size() - 1).seq();
        serve(conversationId, added);
        serve(conversationId, changed);
        return answer(new LogChanges(added, changed, newest, added.size() >= limit));
    }

    private void serve(long conversationId, List<Message> page) {
        Map<Long, Message> given = served.computeIfAbsent(conversationId, k -> new HashMap<>());
        page.forEach(m -> given.put(m.seq(), m));
    }

    /** At once, on {@link #readsOn}, or held until {@link #releaseReads}. */
    private <T> CompletableFuture<T> answer(T value) {
        java.util.concurrent.Executor on = readsOn;
        if (on != null) {
            return CompletableFuture.supplyAsync(() -> value, on);
        }
        if (!holdReads) {
            return CompletableFuture.completedFuture(value);
        }
        CompletableFuture<T> later = new CompletableFuture<>();
        held.add(() -> later.complete(value));
        return later;
    }

    /** Answers the reads held so far (with what was stored when they were asked), in order. */
    void releaseReads() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    @Override
    public CompletableFuture<List<PendingMessage>> pending(long conversationId) {
        return CompletableFuture.completedFuture(List.copyOf(pending.getOrDefault(conversationId, List.of())));
    }

    @Override
    public CompletableFuture<Map<Long, String>> displayNames(Collection<Long> userIds) {
        Map<Long, String> out = new HashMap<>();
        userIds.forEach(id -> {
            String n = names.get(id);
            if (n != null) {
                out.put(id, n);
            }
        });
        java.util.concurrent.Executor on = readsOn;
        return on != null ? CompletableFuture.supplyAsync(() -> out, on) : CompletableFuture.completedFuture(out);
    }

    /** While set, the members are answered only once it completes (a slow store). */
    @org.jspecify.annotations.Nullable
    CompletableFuture<Void> membersLater;

    @Override
    public CompletableFuture<List<Member>> members(long conversationId) {
        CompletableFuture<Void> later = membersLater;
        return later == null
                ? CompletableFuture.completedFuture(List.copyOf(members))
                : later.thenApply(done -> List.copyOf(members));
    }

    /** Name or account text, or the initials given in {@link #initials} (the real port uses the pinyin index). */
    @Override
    public MemberSearch memberSearch(List<Member> list) {
        return query -> {
            String q = query.strip().toLowerCase(java.util.Locale.ROOT);
            return list.stream()
                    .filter(m -> m.matches(q)
                            || (!q.isEmpty()
                                    && initials.getOrDefault(m.userId(), "").startsWith(q)))
                    .toList();
        };
    }

    /** The client library's excerpt, as the real port makes it. */
    @Override
    public String excerpt(String text) {
        return im.magpie.client.QuotedMessage.excerpt(text);
    }

    @Override
    public CompletableFuture<String> sendText(long conversationId, OutgoingText text) {
        sentTexts.add(text.text());
        sentMentions.add(text.mentions());
        sentMentionAll.add(text.mentionAll());
        sentQuotes.add(java.util.Optional.ofNullable(text.quote()));
        sendCounter++;
        return CompletableFuture.completedFuture("client-" + sendCounter);
    }

    @Override
    public CompletableFuture<List<String>> forward(long conversationId, long seq, List<Long> targetConversationIds) {
        if (failingForwards.remove(seq)) {
            return CompletableFuture.failedFuture(
                    new ChatException(ChatFailureKind.OFFLINE, "forward " + seq, new java.io.IOException("offline")));
        }
        List<String> ids = new ArrayList<>();
        for (long target : targetConversationIds) {
            forwards.add(new Forward(conversationId, seq, target));
            sendCounter++;
            ids.add("client-" + sendCounter);
        }
        return CompletableFuture.completedFuture(ids);
    }

    @Override
    public CompletableFuture<Set<Long>> peopleMatching(String query) {
        return CompletableFuture.completedFuture(
                Set.copyOf(peopleByQuery.getOrDefault(query.toLowerCase(java.util.Locale.ROOT), Set.of())));
    }

    @Override
    public CompletableFuture<Map<Long, Long>> readMarks(long conversationId) {
        return CompletableFuture.completedFuture(Map.copyOf(memberReadMarks));
    }

    @Override
    public CompletableFuture<String> sendFile(
            long conversationId, Path path, boolean folder, TransferListener progress) {
        sentPaths.add(path);
        lastProgress = progress;
        return nextFileResult;
    }

    @Override
    public CompletableFuture<Path> download(long conversationId, long seq, Path target, TransferListener progress) {
        downloads.add(seq);
        lastProgress = progress;
        CompletableFuture<Path> next = nextDownload;
        return next != null ? next : CompletableFuture.completedFuture(target);
    }

    @Override
    public CompletableFuture<Path> receive(long conversationId, long seq, Path folder, TransferListener progress) {
        downloads.add(seq);
        receivedInto.add(folder);
        lastProgress = progress;
        CompletableFuture<Path> next = nextDownload;
        return next != null ? next : CompletableFuture.completedFuture(folder.resolve("f" + seq));
    }

    @Override
    public java.util.Optional<CompletableFuture<Path>> autoReceived(
            long conversationId, long seq, TransferListener progress) {
        CompletableFuture<Path> work = autoReceivedBySeq.get(seq);
        if (work != null) {
            autoReceivedFollowers.put(seq, progress);
        }
        return java.util.Optional.ofNullable(work);
    }

    @Override
    public CompletableFuture<Map<String, Path>> savedFiles(long conversationId, List<String> refs) {
        Map<String, Path> found = new HashMap<>();
        refs.forEach(ref -> {
            Path p = savedFiles.get(ref);
            if (p != null) {
                found.put(ref, p);
            }
        });
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public CompletableFuture<Path> image(long conversationId, long seq) {
        imagesAsked.add(seq);
        Path p = images.get(seq);
        return p != null
                ? CompletableFuture.completedFuture(p)
                : CompletableFuture.failedFuture(new java.io.IOException("no image " + seq));
    }

    @Override
    public CompletableFuture<Void> recall(long conversationId, long seq) {
        recalled.add(seq);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> markRead(long conversationId, long seq) {
        readMarks.add(seq);
        if (!holdMarks) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        heldMarks.add(later);
        return later;
    }

    /** Like the library: the setting comes back through sync as an entry of the SELF conversation. */
    @Override
    public CompletableFuture<Void> setMuted(long conversationId, boolean muted) {
        changeSettings(
                conversationId,
                c -> new ConversationInfo(
                        c.id(),
                        c.kind(),
                        c.title(),
                        c.memberIds(),
                        c.myReadSeq(),
                        c.last(),
                        c.unread(),
                        muted,
                        c.pinned()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> setPinned(long conversationId, boolean pinned) {
        changeSettings(
                conversationId,
                c -> new ConversationInfo(
                        c.id(),
                        c.kind(),
                        c.title(),
                        c.memberIds(),
                        c.myReadSeq(),
                        c.last(),
                        c.unread(),
                        c.muted(),
                        pinned));
        return CompletableFuture.completedFuture(null);
    }

    private void changeSettings(long conversationId, java.util.function.UnaryOperator<ConversationInfo> change) {
        conversations.replaceAll(c -> c.id() == conversationId ? change.apply(c) : c);
        listeners.forEach(l -> l.entriesChanged(java.util.Set.of(0L)));
    }

    @Override
    public CompletableFuture<ConversationInfo> openDirect(String account) {
        ConversationInfo c = accounts.get(account);
        return c != null
                ? CompletableFuture.completedFuture(c)
                : CompletableFuture.failedFuture(new ChatException(
                        ChatFailureKind.UNKNOWN_ACCOUNT, account, new IllegalArgumentException(account)));
    }

    @Override
    public CompletableFuture<ConversationInfo> openSelf() {
        return conversations.stream()
                .filter(c -> c.kind() == ConversationKind.SELF)
                .findFirst()
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException("no self")));
    }

    @Override
    public void addListener(ChatEvents listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ChatEvents listener) {
        listeners.remove(listener);
    }

    static Message text(long conversation, long seq, long sender, long timeMs, String text) {
        return new Message(conversation, seq, sender, timeMs, new Content.Text(text), false, "");
    }
}
