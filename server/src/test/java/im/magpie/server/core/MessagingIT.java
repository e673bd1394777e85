package im.magpie.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ClientMessageIdConflictException;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.HistoryPage;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.MessageFacts;
import im.magpie.server.messaging.OutgoingMessage;
import im.magpie.server.messaging.SendReceipt;
import im.magpie.server.messaging.SyncPage;
import im.magpie.server.store.postgres.SharedPostgres;
import im.magpie.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class MessagingIT {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final CoreFixture.RecordingPublisher publisher = new CoreFixture.RecordingPublisher();
    private CoreComponents core;
    private UserId alice;
    private UserId bob;

    @BeforeEach
    void start() throws Exception {
        core = CoreFixture.start(dataDir, clock, publisher);
        alice = CoreFixture.user(core, "alice");
        bob = CoreFixture.user(core, "bob");
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void sendsSyncsAndPagesHistory() throws Exception {
        ConversationState direct = core.conversations().openDirect(alice, bob);
        assertThat(core.conversations().openDirect(bob, alice).id()).isEqualTo(direct.id());
        List<SendReceipt> receipts = new ArrayList<>();
        for (String text : List.of("你好", "second", "third")) {
            receipts.add(send(alice, direct.id(), UUID.randomUUID(), text));
        }

        assertThat(receipts).extracting(SendReceipt::seq).containsExactly(3L, 4L, 5L);
        SyncPage page = core.messaging().sync(bob, new byte[0], 100);
        assertThat(page.entries())
                .extracting(e -> e.change().getClass().getSimpleName())
                .containsExactly(
                        "ConversationCreated", "MembersAdded", "MessagePosted", "MessagePosted", "MessagePosted");
        assertThat(texts(page.entries())).containsExactly("你好", "second", "third");
        assertThat(page.conversations()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ConversationKind.DIRECT);
            assertThat(s.lastSeq()).isEqualTo(5);
            assertThat(s.active()).isTrue();
        });
        assertThat(page.hasMore()).isFalse();
        assertThat(core.messaging().sync(bob, page.nextCursor(), 100).entries()).isEmpty();

        SyncPage first = core.messaging().sync(bob, new byte[0], 2);
        SyncPage second = core.messaging().sync(bob, first.nextCursor(), 2);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.entries()).extracting(LogEntry::seq).containsExactly(3L, 4L);

        HistoryPage history = core.messaging().history(bob, direct.id(), 0, 2);
        assertThat(history.entries()).extracting(LogEntry::seq).containsExactly(5L, 4L);
        assertThat(history.hasMore()).isTrue();
        assertThat(core.messaging().history(bob, direct.id(), 4, 10).entries())
                .extracting(LogEntry::seq)
                .containsExactly(3L, 2L, 1L);
        assertThat(publisher.events()).last().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(5);
            assertThat(e.audience()).containsExactlyInAnyOrder(alice, bob);
            assertThat(e.entries())
                    .as("the commit's entries, for inline notifications")
                    .isNotEmpty();
            assertThat(e.entries()).extracting(LogEntry::seq).last().isEqualTo(5L);
            assertThat(e.entries())
                    .allSatisfy(entry -> assertThat(entry.conversation()).isEqualTo(direct.id()));
        });
    }

    @Test
    void repeatedClientIdsStoreOneMessageAndReturnTheFirstReceipt() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        UUID id = UUID.randomUUID();
        SendReceipt original = send(alice, c, id, "once");
        clock.advance(java.time.Duration.ofSeconds(5));

        for (int i = 0; i < 20; i++) {
            assertThat(send(alice, c, id, "once")).isEqualTo(original);
        }

        assertThat(messageRows()).isEqualTo(1);
        ConversationId other = core.conversations().openSelf(alice).id();
        assertThatThrownBy(() -> send(alice, other, id, "elsewhere"))
                .hasCauseInstanceOf(ClientMessageIdConflictException.class);
        assertThat(send(bob, c, id, "bob may use the same id").seq()).isNotEqualTo(original.seq());
    }

    @Test
    void aBatchOfSendsAloneIsOneCopyInItsOwnTransactionWithoutASeparateBegin() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        send(alice, c, UUID.randomUUID(), "warm"); // the writer's first batch also finds the last log position

        List<String> protocol;
        try (DriverProtocolLog log = DriverProtocolLog.start()) {
            send(alice, c, UUID.randomUUID(), "alone in its batch");
            protocol = log.messages();
        }

        assertThat(protocol).as("pgjdbc's protocol log").anyMatch(m -> m.contains("FE=> Query(CopyStart)"));
        assertThat(protocol)
                .as("no BEGIN round trip before the COPY, no COMMIT after it")
                .noneMatch(m -> m.contains("BEGIN") || m.contains("COMMIT"));
        assertThat(messageRows()).isEqualTo(2);
        assertThat(core.messaging().sync(bob, new byte[0], 100).entries())
                .extracting(e -> e.change().getClass().getSimpleName())
                .endsWith("MessagePosted", "MessagePosted");
    }

    @Test
    void concurrentRepeatsStoreOneMessage() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        UUID id = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<SendReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> message(c, id, "same"), pool)
                        .thenCompose(m -> core.messaging().send(alice, m)));
            }
            Set<SendReceipt> receipts =
                    futures.stream().map(CompletableFuture::join).collect(Collectors.toSet());

            assertThat(receipts).hasSize(1);
            assertThat(messageRows()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idempotencySurvivesARestart() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        UUID id = UUID.randomUUID();
        SendReceipt original = send(alice, c, id, "before restart");

        core.close();
        core = CoreComponents.start(CoreFixture.settings(dataDir, clock), publisher);

        assertThat(send(alice, c, id, "before restart")).isEqualTo(original);
        assertThat(core.logBatchesRunAgain())
                .as("the unique index refused the repeat, the batch ran again with the look-up")
                .isEqualTo(1);
        assertThat(send(alice, c, id, "before restart")).isEqualTo(original);
        assertThat(core.logBatchesRunAgain())
                .as("the same repeat again is answered from memory")
                .isEqualTo(1);
        assertThat(send(alice, c, UUID.randomUUID(), "after restart").seq()).isEqualTo(original.seq() + 1);
        assertThat(texts(core.messaging().sync(bob, new byte[0], 100).entries()))
                .containsExactly("before restart", "after restart");
    }

    @Test
    void closeCompletesOrFailsEveryPendingSend() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        List<CompletableFuture<SendReceipt>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(core.messaging().send(alice, message(c, UUID.randomUUID(), "m" + i)));
        }

        core.close();

        assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
        long committed =
                futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertThat(committed).isEqualTo(500);
        assertThat(core.messaging().send(alice, message(c, UUID.randomUUID(), "after close")))
                .isCompletedExceptionally();
        core = CoreComponents.start(CoreFixture.settings(dataDir, clock), publisher);
        assertThat(messageRows()).isEqualTo(500);
    }

    @Test
    void aFailedCommitFailsTheBatchAndARetryLaterSucceeds() throws Exception {
        ConversationId c = core.conversations().openDirect(alice, bob).id();
        send(alice, c, UUID.randomUUID(), "first");
        UUID id = UUID.randomUUID();
        execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$");
        execute("CREATE TRIGGER refuse BEFORE INSERT ON log FOR EACH ROW EXECUTE FUNCTION refuse()");
        try {
            assertThatThrownBy(() -> send(alice, c, id, "during outage"))
                    .hasCauseInstanceOf(im.magpie.server.store.postgres.StoreException.class);
        } finally {
            execute("DROP TRIGGER refuse ON log");
            execute("DROP FUNCTION refuse()");
        }

        SendReceipt retried = send(alice, c, id, "during outage");

        assertThat(retried.seq()).isEqualTo(4);
        assertThat(texts(core.messaging().sync(bob, new byte[0], 100).entries()))
                .containsExactly("first", "during outage");
    }

    private void execute(String sql) throws SQLException {
        try (Connection con = core.dataSource().getConnection();
                Statement st = con.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void groupCommitBatchesConcurrentSendsAndKeepsPerSenderOrder() throws Exception {
        List<UserId> senders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            senders.add(CoreFixture.user(core, "sender" + i));
        }
        ConversationId group = core.conversations()
                .createGroup(alice, "Load", senders, UUID.randomUUID().toString())
                .id();
        long commitsBefore = core.logCommits();
        int perSender = 200;

        List<CompletableFuture<SendReceipt>> futures = new ArrayList<>();
        for (int i = 0; i < perSender; i++) {
            for (UserId sender : senders) {
                futures.add(core.messaging().send(sender, message(group, UUID.randomUUID(), sender.value() + ":" + i)));
            }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long commits = core.logCommits() - commitsBefore;
        assertThat(futures).hasSize(2000);
        assertThat(commits).as("transactions for 2000 sends").isLessThan(200);
        assertThat(futures.stream().map(f -> f.join().seq()).collect(Collectors.toSet()))
                .hasSize(2000);
        List<LogEntry> all = syncAll(alice);
        for (UserId sender : senders) {
            List<String> mine =
                    texts(all.stream().filter(e -> e.actor().equals(sender)).toList());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perSender; i++) {
                expected.add(sender.value() + ":" + i);
            }
            assertThat(mine).isEqualTo(expected);
        }
        assertSyncUsesTheConversationIndex();
    }

    private void assertSyncUsesTheConversationIndex() throws SQLException {
        try (Connection con = core.dataSource().getConnection();
                Statement st = con.createStatement()) {
            st.execute("ANALYZE");
            String sql = "EXPLAIN SELECT l.pos FROM member_windows w CROSS JOIN LATERAL (SELECT * FROM log l"
                    + " WHERE l.conversation_id = w.conversation_id AND l.pos > 1500 AND l.pos >= w.from_pos"
                    + " AND l.pos <= coalesce(w.to_pos, 9223372036854775807) ORDER BY l.pos LIMIT 101) l"
                    + " WHERE w.user_id = " + alice.value()
                    + " AND (w.to_pos IS NULL OR w.to_pos > 1500) ORDER BY l.pos LIMIT 101";
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            // Either index bounds the scan to positions after the cursor: cost follows the changes, not the history.
            assertThat(plan.toString())
                    .containsPattern("Index (Only )?Scan using (log_conversation_pos|log_pkey) on log")
                    .doesNotContain("Seq Scan on log");
        }
    }

    private List<LogEntry> syncAll(UserId user) throws Exception {
        List<LogEntry> all = new ArrayList<>();
        byte[] cursor = new byte[0];
        SyncPage page;
        do {
            page = core.messaging().sync(user, cursor, 1000);
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (page.hasMore());
        return all;
    }

    private SendReceipt send(UserId sender, ConversationId c, UUID id, String text) throws Exception {
        try {
            return core.messaging().send(sender, message(c, id, text)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }

    static OutgoingMessage message(ConversationId c, UUID id, String text) {
        return new OutgoingMessage(
                c, new ClientMessageId(id), text.getBytes(StandardCharsets.UTF_8), MessageFacts.NONE);
    }

    static List<String> texts(List<LogEntry> entries) {
        return entries.stream()
                .filter(e -> e.change() instanceof Change.MessagePosted)
                .map(e -> new String(((Change.MessagePosted) e.change()).body(), StandardCharsets.UTF_8))
                .toList();
    }

    private long messageRows() throws SQLException {
        try (Connection con = SharedPostgres.database().dataSource().getConnection();
                Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM log WHERE kind = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
