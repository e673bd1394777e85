package im.magpie.client.sync;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.MachineIdentity;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.SyncBatch;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.ConversationCreated;
import im.magpie.protocol.v1.ConversationKind;
import im.magpie.protocol.v1.ConversationRenamed;
import im.magpie.protocol.v1.ConversationState;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.Member;
import im.magpie.protocol.v1.MemberRemoved;
import im.magpie.protocol.v1.MemberRole;
import im.magpie.protocol.v1.MembersAdded;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.MessageRecalled;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.ReadMarked;
import im.magpie.protocol.v1.SyncResponse;
import im.magpie.protocol.v1.TextContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Applies crafted sync pages to real SQLCipher stores: the page-by-page result must equal one full sync, recalls
 * clear bodies, read marks and membership follow the log and the authoritative states.
 */
class SyncEngineTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final long GROUP = 100;
    private static final MachineIdentity MACHINE = new MachineIdentity() {
        @Override
        public String machineId() {
            return "test-machine";
        }

        @Override
        public String userName() {
            return "tester";
        }
    };

    @TempDir
    Path dir;

    private final List<LocalStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(LocalStore::close);
    }

    /** The server's full log of one group conversation, and its state after each prefix of the log. */
    private final List<LogEntry> log = List.of(
            entry(
                    1,
                    ALICE,
                    LogEntry.newBuilder()
                            .setCreated(ConversationCreated.newBuilder()
                                    .setKind(ConversationKind.CONVERSATION_KIND_GROUP)
                                    .setTitle("Sales"))),
            entry(
                    2,
                    ALICE,
                    LogEntry.newBuilder()
                            .setMembersAdded(MembersAdded.newBuilder()
                                    .addMembers(member(BOB, 0))
                                    .addMembers(member(CAROL, 0)))),
            entry(3, BOB, LogEntry.newBuilder().setMessage(posted("cm-3", "季度报表 draft"))),
            entry(4, ALICE, LogEntry.newBuilder().setMessage(posted("cm-4", "secret plan"))),
            entry(
                    5,
                    ALICE,
                    LogEntry.newBuilder()
                            .setRecalled(MessageRecalled.newBuilder().setTargetSeq(4))),
            entry(6, BOB, LogEntry.newBuilder().setRead(ReadMarked.newBuilder().setReadSeq(5))),
            entry(
                    7,
                    ALICE,
                    LogEntry.newBuilder()
                            .setRenamed(ConversationRenamed.newBuilder().setTitle("Sales EMEA"))),
            entry(
                    8,
                    ALICE,
                    LogEntry.newBuilder()
                            .setMemberRemoved(MemberRemoved.newBuilder().setUserId(CAROL))),
            entry(9, CAROL, LogEntry.newBuilder().setMessage(posted("cm-9", "会议 at 3"))));

    @Test
    void pageByPageEqualsOneFullSync() throws Exception {
        LocalStore incremental = store("inc.db");
        for (int i = 0; i < log.size(); i += 2) {
            int end = Math.min(i + 2, log.size());
            // the server rewrites recalled messages in later full syncs, but a page already applied keeps the body
            SyncResponse page = page(log.subList(i, end), state(end), end, false);
            syncOnce(incremental, List.of(page));
        }
        LocalStore full = store("full.db");
        syncOnce(full, List.of(page(serverView(log), state(log.size()), log.size(), false)));

        assertThat(incremental.entries().all()).isEqualTo(full.entries().all());
        assertThat(incremental.conversations().all())
                .isEqualTo(full.conversations().all());
        assertThat(incremental.syncCursor()).isEqualTo(full.syncCursor());
    }

    @Test
    void recallMarksTheTargetAndClearsItsBody() throws Exception {
        LocalStore store = store("r.db");
        syncOnce(store, List.of(page(log.subList(0, 4), state(4), 4, false)));
        assertThat(store.entries().find(GROUP, 4).orElseThrow().body()).isNotEmpty();
        assertThat(store.entries().search("secret", 10)).hasSize(1);

        syncOnce(store, List.of(page(log.subList(4, 5), state(5), 5, false)));

        EntryRecord recalled = store.entries().find(GROUP, 4).orElseThrow();
        assertThat(recalled.recalled()).isTrue();
        assertThat(recalled.body()).isEmpty();
        assertThat(store.entries().search("secret", 10)).isEmpty();
    }

    @Test
    void readMarksAndMembershipFollowTheLog() throws Exception {
        LocalStore store = store("m.db");
        syncOnce(store, List.of(page(log.subList(0, 6), state(6), 6, false)));
        ConversationRecord c = store.conversations().find(GROUP).orElseThrow();
        assertThat(c.members()).extracting(MemberRecord::userId).containsExactly(ALICE, BOB, CAROL);
        assertThat(c.members())
                .filteredOn(m -> m.userId() == BOB)
                .extracting(MemberRecord::readSeq)
                .containsExactly(5L);

        syncOnce(store, List.of(page(log.subList(6, 9), state(9), 9, false)));
        c = store.conversations().find(GROUP).orElseThrow();
        assertThat(c.title()).isEqualTo("Sales EMEA");
        assertThat(c.members()).extracting(MemberRecord::userId).containsExactly(ALICE, BOB);
        assertThat(c.lastSeq()).isEqualTo(9);
    }

    @Test
    void followsHasMoreUntilTheLastPage() throws Exception {
        LocalStore store = store("p.db");
        List<SyncResponse> pages = List.of(
                page(log.subList(0, 3), state(3), 3, true),
                page(log.subList(3, 6), state(6), 6, true),
                page(log.subList(6, 9), state(9), 9, false));
        FakeSource source = new FakeSource(pages);
        new SyncEngine(store, source, Runnable::run, b -> {}).sync().get(5, TimeUnit.SECONDS);
        assertThat(source.cursors)
                .extracting(c -> new String(c, StandardCharsets.UTF_8))
                .containsExactly("", "cursor-3", "cursor-6");
        assertThat(store.entries().maxSeq(GROUP)).isEqualTo(9);
    }

    @Test
    void neverRunsTwoSyncsAtOnceAndCoalescesCallers() throws Exception {
        LocalStore store = store("c.db");
        CompletableFuture<SyncResponse> firstReply = new CompletableFuture<>();
        List<byte[]> cursors = new ArrayList<>();
        int[] inFlight = {0};
        int[] maxInFlight = {0};
        SyncSource source = (cursor, limit) -> {
            cursors.add(cursor);
            inFlight[0]++;
            maxInFlight[0] = Math.max(maxInFlight[0], inFlight[0]);
            CompletableFuture<SyncResponse> reply = cursors.size() == 1
                    ? firstReply
                    : CompletableFuture.completedFuture(page(List.of(), List.of(), 3, false));
            return reply.whenComplete((r, e) -> inFlight[0]--);
        };
        SyncEngine engine = new SyncEngine(store, source, Runnable::run, b -> {});
        CompletableFuture<Void> a = engine.sync();
        CompletableFuture<Void> b = engine.sync();
        CompletableFuture<Void> c = engine.sync();
        assertThat(b).isSameAs(c);
        assertThat(cursors).hasSize(1);

        firstReply.complete(page(log.subList(0, 3), state(3), 3, false));

        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(cursors).hasSize(2);
        assertThat(new String(cursors.get(1), StandardCharsets.UTF_8)).isEqualTo("cursor-3");
        assertThat(maxInFlight[0]).isEqualTo(1);
    }

    @Test
    void notificationTriggersSyncOnlyWhenAhead() throws Exception {
        LocalStore store = store("n.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        FakeSource source = new FakeSource(List.of(page(log.subList(3, 4), state(4), 4, false)));
        SyncEngine engine = new SyncEngine(store, source, Runnable::run, b -> {});

        engine.onNotification(notification(3)).get(5, TimeUnit.SECONDS);
        assertThat(source.cursors).isEmpty();

        engine.onNotification(notification(4)).get(5, TimeUnit.SECONDS);
        assertThat(source.cursors).hasSize(1);
        assertThat(store.entries().maxSeq(GROUP)).isEqualTo(4);
    }

    @Test
    void appliesContiguousInlineEntriesWithoutSyncing() throws Exception {
        LocalStore store = store("i.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        FakeSource source = new FakeSource(List.of());
        List<SyncBatch> applied = new ArrayList<>();
        SyncEngine engine = new SyncEngine(store, source, Runnable::run, applied::add);

        engine.onNotification(inline(6, log.subList(3, 6))).get(5, TimeUnit.SECONDS);

        assertThat(source.cursors).as("no sync round trip").isEmpty();
        assertThat(store.entries().maxSeq(GROUP)).isEqualTo(6);
        assertThat(store.entries().find(GROUP, 4).orElseThrow().recalled()).isTrue();
        ConversationRecord c = store.conversations().find(GROUP).orElseThrow();
        assertThat(c.lastSeq()).isEqualTo(6);
        assertThat(c.members())
                .filteredOn(m -> m.userId() == BOB)
                .extracting(MemberRecord::readSeq)
                .containsExactly(5L);
        assertThat(store.syncCursor()).as("the cursor stays where sync left it").isEqualTo("cursor-3".getBytes(UTF_8));
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).entries()).extracting(EntryRecord::seq).containsExactly(4L, 5L, 6L);
        assertThat(applied.get(0).states())
                .extracting(ConversationRecord::lastSeq)
                .containsExactly(6L);
    }

    @Test
    void syncsInsteadWhenTheInlineEntriesLeaveAGap() throws Exception {
        LocalStore store = store("g.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        FakeSource source = new FakeSource(List.of(page(log.subList(3, 6), state(6), 6, false)));
        SyncEngine engine = new SyncEngine(store, source, Runnable::run, b -> {});

        engine.onNotification(inline(6, log.subList(4, 6))).get(5, TimeUnit.SECONDS);

        assertThat(source.cursors).extracting(c -> new String(c, UTF_8)).containsExactly("cursor-3");
        assertThat(store.entries().maxSeq(GROUP)).isEqualTo(6);
        assertThat(store.syncCursor()).isEqualTo("cursor-6".getBytes(UTF_8));
    }

    @Test
    void syncsInsteadWhenTheEntriesDoNotReachTheSeqOrTheConversationIsNew() throws Exception {
        LocalStore store = store("u.db");
        FakeSource source = new FakeSource(
                List.of(page(log.subList(0, 3), state(3), 3, false), page(log.subList(3, 5), state(5), 5, false)));
        SyncEngine engine = new SyncEngine(store, source, Runnable::run, b -> {});

        engine.onNotification(inline(3, log.subList(0, 3))).get(5, TimeUnit.SECONDS);
        assertThat(source.cursors)
                .as("never synced: only sync gives the conversation's state")
                .hasSize(1);

        engine.onNotification(inline(5, log.subList(3, 4))).get(5, TimeUnit.SECONDS);
        assertThat(source.cursors).as("entries end before the advertised seq").hasSize(2);
        assertThat(store.entries().maxSeq(GROUP)).isEqualTo(5);
    }

    @Test
    void inlineEntriesThenASyncEqualOneFullSync() throws Exception {
        LocalStore pushed = store("ps.db");
        syncOnce(pushed, List.of(page(log.subList(0, 3), state(3), 3, false)));
        SyncEngine engine = new SyncEngine(pushed, new FakeSource(List.of()), Runnable::run, b -> {});
        engine.onNotification(inline(4, log.subList(3, 4))).get(5, TimeUnit.SECONDS);
        engine.onNotification(inline(6, log.subList(3, 6))).get(5, TimeUnit.SECONDS);
        syncOnce(pushed, List.of(page(serverView(log).subList(3, 9), state(9), 9, false)));

        LocalStore full = store("fs.db");
        syncOnce(full, List.of(page(serverView(log), state(log.size()), log.size(), false)));

        assertThat(pushed.entries().all()).isEqualTo(full.entries().all());
        assertThat(pushed.conversations().all()).isEqualTo(full.conversations().all());
        assertThat(pushed.syncCursor()).isEqualTo(full.syncCursor());
    }

    @Test
    void appliesNotificationsThatArriveTogetherInOneTransaction() throws Exception {
        LocalStore store = store("t.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        FakeSource source = new FakeSource(List.of());
        List<SyncBatch> applied = new ArrayList<>();
        Queue<Runnable> tasks = new ArrayDeque<>();
        SyncEngine engine = new SyncEngine(store, source, tasks::add, applied::add);

        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int seq = 4; seq <= 6; seq++) {
            done.add(engine.onNotification(inline(seq, log.subList(seq - 1, seq))));
        }
        runAll(tasks);

        assertThat(done).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(source.cursors).as("no sync round trip").isEmpty();
        assertThat(applied).as("one commit for the three pushes").hasSize(1);
        assertThat(applied.get(0).entries()).extracting(EntryRecord::seq).containsExactly(4L, 5L, 6L);
        assertThat(applied.get(0).states())
                .extracting(ConversationRecord::lastSeq)
                .containsExactly(6L);
        assertThat(store.entries().find(GROUP, 4).orElseThrow().recalled()).isTrue();
        assertThat(store.syncCursor()).isEqualTo("cursor-3".getBytes(UTF_8));
    }

    @Test
    void aFailureInTheMiddleOfABatchStoresNoneOfItAndTheSyncFromTheCursorBringsItAll() throws Exception {
        LocalStore store = store("f.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        FakeSource source = new FakeSource(List.of(page(log.subList(3, 6), state(6), 6, false)));
        Queue<Runnable> tasks = new ArrayDeque<>();
        List<SyncBatch> applied = new ArrayList<>();
        SyncEngine engine = new SyncEngine(store, source, tasks::add, applied::add);
        try (Connection raw = rawConnection("f.db");
                Statement sql = raw.createStatement()) {
            // a real SQLite error on the second entry of the batch, after the first one was written
            sql.execute("CREATE TABLE fail_at (seq INTEGER NOT NULL)");
            sql.execute("INSERT INTO fail_at (seq) VALUES (5)");
            sql.execute("CREATE TRIGGER fail_entry BEFORE INSERT ON entry WHEN NEW.seq IN (SELECT seq FROM fail_at)"
                    + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int seq = 4; seq <= 6; seq++) {
                done.add(engine.onNotification(inline(seq, log.subList(seq - 1, seq))));
            }
            tasks.remove().run(); // the batch fails and asks for a sync

            assertThat(store.entries().maxSeq(GROUP))
                    .as("nothing of the failed batch")
                    .isEqualTo(3);
            assertThat(store.syncCursor()).isEqualTo("cursor-3".getBytes(UTF_8));
            assertThat(applied).isEmpty();
            assertThat(done).noneMatch(CompletableFuture::isDone);

            sql.execute("DELETE FROM fail_at");
            runAll(tasks);

            assertThat(source.cursors).extracting(c -> new String(c, UTF_8)).containsExactly("cursor-3");
            assertThat(store.entries().all()).extracting(EntryRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(store.syncCursor()).isEqualTo("cursor-6".getBytes(UTF_8));
            assertThat(done).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        }
    }

    @Test
    void underAStreamOfPushesCommitsAtMostOncePerSpacing() throws Exception {
        LocalStore store = store("s.db");
        syncOnce(store, List.of(page(log.subList(0, 3), state(3), 3, false)));
        List<SyncBatch> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ScheduledExecutorService executor =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            SyncEngine engine = new SyncEngine(
                    store, new FakeSource(List.of()), executor, java.time.Duration.ofSeconds(3), applied::add);
            long start = System.nanoTime();
            engine.onNotification(inline(4, log.subList(3, 4))).get(5, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - start)
                    .as("the first push after a quiet spell is stored at once")
                    .isLessThan(TimeUnit.SECONDS.toNanos(2));

            CompletableFuture<Void> fifth = engine.onNotification(inline(5, log.subList(4, 5)));
            CompletableFuture<Void> sixth = engine.onNotification(inline(6, log.subList(5, 6)));
            sixth.get(10, TimeUnit.SECONDS);

            assertThat(fifth).isDone();
            assertThat(System.nanoTime() - start)
                    .as("the next ones waited for the spacing")
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(3));
            assertThat(applied).hasSize(2);
            assertThat(applied.get(1).entries()).extracting(EntryRecord::seq).containsExactly(5L, 6L);
            assertThat(store.entries().maxSeq(GROUP)).isEqualTo(6);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void runAll(Queue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    /** A second connection to the store's file, as another process would open it. */
    private Connection rawConnection(String name) throws Exception {
        byte[] key = new DeviceKeyProtector(MACHINE, new SecureRandom()).loadKey(dir.resolve(name));
        return SQLiteMCSqlCipherConfig.getV4Defaults()
                .withRawUnsaltedKey(key)
                .build()
                .createConnection("jdbc:sqlite:file:" + dir.resolve(name).toAbsolutePath());
    }

    private static Notification inline(long seq, List<LogEntry> entries) {
        return Notification.newBuilder()
                .addConversations(ConversationAdvanced.newBuilder()
                        .setConversationId(GROUP)
                        .setSeq(seq)
                        .addAllEntries(entries))
                .build();
    }

    private static Notification notification(long seq) {
        return Notification.newBuilder()
                .addConversations(ConversationAdvanced.newBuilder()
                        .setConversationId(GROUP)
                        .setSeq(seq))
                .build();
    }

    private static void syncOnce(LocalStore store, List<SyncResponse> pages) throws Exception {
        new SyncEngine(store, new FakeSource(pages), Runnable::run, b -> {})
                .sync()
                .get(5, TimeUnit.SECONDS);
    }

    private LocalStore store(String name) throws Exception {
        LocalStore s = LocalStore.open(dir.resolve(name), new DeviceKeyProtector(MACHINE, new SecureRandom()));
        opened.add(s);
        return s;
    }

    /** What a full sync returns: recalled messages come back recalled with an empty body. */
    private static List<LogEntry> serverView(List<LogEntry> entries) {
        List<Long> recalled = entries.stream()
                .filter(LogEntry::hasRecalled)
                .map(e -> e.getRecalled().getTargetSeq())
                .toList();
        return entries.stream()
                .map(e -> recalled.contains(e.getSeq())
                        ? e.toBuilder()
                                .setMessage(MessagePosted.newBuilder()
                                        .setClientMessageId(e.getMessage().getClientMessageId())
                                        .setRecalled(true))
                                .build()
                        : e)
                .toList();
    }

    /** The group's state after the first {@code n} log entries. */
    private static List<ConversationState> state(int n) {
        ConversationState.Builder s = ConversationState.newBuilder()
                .setConversationId(GROUP)
                .setKind(ConversationKind.CONVERSATION_KIND_GROUP)
                .setTitle(n >= 7 ? "Sales EMEA" : "Sales")
                .setLastSeq(n)
                .setActive(true)
                .addMembers(Member.newBuilder().setUserId(ALICE).setRole(MemberRole.MEMBER_ROLE_OWNER));
        if (n >= 2) {
            s.addMembers(member(BOB, n >= 6 ? 5 : 0));
            if (n < 8) {
                s.addMembers(member(CAROL, 0));
            }
        }
        return List.of(s.build());
    }

    private static SyncResponse page(List<LogEntry> entries, List<ConversationState> states, int end, boolean more) {
        return SyncResponse.newBuilder()
                .addAllEntries(entries)
                .addAllConversations(states)
                .setNextCursor(ByteString.copyFromUtf8("cursor-" + end))
                .setHasMore(more)
                .build();
    }

    private static Member member(long user, long readSeq) {
        return Member.newBuilder()
                .setUserId(user)
                .setRole(MemberRole.MEMBER_ROLE_MEMBER)
                .setReadSeq(readSeq)
                .build();
    }

    private static MessagePosted posted(String clientId, String text) {
        return MessagePosted.newBuilder()
                .setClientMessageId(clientId)
                .setBody(MessageBody.newBuilder()
                        .setText(TextContent.newBuilder().setText(text)))
                .build();
    }

    private static LogEntry entry(long seq, long actor, LogEntry.Builder change) {
        return change.setConversationId(GROUP)
                .setSeq(seq)
                .setActorUserId(actor)
                .setServerTimeMs(1_764_000_000_000L + seq * 1000)
                .build();
    }

    private static final class FakeSource implements SyncSource {
        final List<SyncResponse> pages;
        final List<byte[]> cursors = new ArrayList<>();

        FakeSource(List<SyncResponse> pages) {
            this.pages = pages;
        }

        @Override
        public CompletableFuture<SyncResponse> fetch(byte[] cursor, int limit) {
            cursors.add(cursor);
            return CompletableFuture.completedFuture(pages.get(cursors.size() - 1));
        }
    }
}
