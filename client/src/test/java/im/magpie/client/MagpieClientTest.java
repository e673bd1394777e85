package im.magpie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import im.magpie.client.net.CertificateChangedException;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MachineIdentity;
import im.magpie.client.store.OutboxState;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.TextContent;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end against an in-memory server over real HTTP and TLS. */
class MagpieClientTest {
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
    Path dataDir;

    private FakeMagpieServer server;
    private final List<String> firstContacts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeMagpieServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ClientOptions options() {
        return new ClientOptions(
                "test/1",
                "cli",
                (address, fp) -> firstContacts.add(fp),
                null,
                MACHINE,
                Clock.systemUTC(),
                Duration.ofSeconds(5));
    }

    @Test
    void logsInPinsSendsAndSeesItsOwnMessageAfterSync() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.login("alice", "secret", "test device").get(10, TimeUnit.SECONDS);
            // a completed login means connected: a request made right away must not find the session offline
            assertThat(client.connectionState()).isEqualTo(ConnectionState.ONLINE);
            assertThat(firstContacts).containsExactly(server.fingerprint());
            assertThat(client.pinnedFingerprint()).isEqualTo(server.fingerprint());
            assertThat(client.userId()).isEqualTo(FakeMagpieServer.ALICE);

            long self = client.openSelf().get(5, TimeUnit.SECONDS).id();
            String id = client.sendText(self, "明天开会 meeting", List.of());
            assertThat(client.awaitFlushed(Duration.ofSeconds(5))).isTrue();
            assertThat(client.outboxMessage(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !client.messages(self, Long.MAX_VALUE, 10).isEmpty());
            assertThat(client.search("开会", 10))
                    .extracting(EntryRecord::clientMessageId)
                    .containsExactly(id);
            assertThat(server.sends).extracting(r -> r.getClientMessageId()).containsExactly(id);
        }
    }

    @Test
    void sendsAReplyWithItsQuoteAndForwardsAStoredMessageToEveryTarget() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.login("alice", "secret", "test device").get(10, TimeUnit.SECONDS);
            long self = client.openSelf().get(5, TimeUnit.SECONDS).id();
            client.sendText(self, "the plan", List.of());
            assertThat(client.awaitFlushed(Duration.ofSeconds(5))).isTrue();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !client.messages(self, Long.MAX_VALUE, 10).isEmpty());
            EntryRecord original = client.messages(self, Long.MAX_VALUE, 10).get(0);

            client.sendText(
                    self,
                    OutgoingText.of("agreed")
                            .quoting(new QuotedMessage(original.seq(), FakeMagpieServer.ALICE, "the  plan\n")));
            List<String> forwarded = client.forward(self, original.seq(), List.of(self, self));
            assertThat(client.awaitFlushed(Duration.ofSeconds(5))).isTrue();

            MessageBody reply = server.sends.get(1).getBody();
            assertThat(reply.getText().getText()).isEqualTo("agreed");
            assertThat(reply.getQuote().getSeq()).isEqualTo(original.seq());
            assertThat(reply.getQuote().getSenderUserId()).isEqualTo(FakeMagpieServer.ALICE);
            assertThat(reply.getQuote().getExcerpt()).isEqualTo("the plan");
            assertThat(forwarded).hasSize(2).doesNotHaveDuplicates();
            assertThat(server.sends.subList(2, 4)).allSatisfy(r -> {
                assertThat(r.getConversationId()).isEqualTo(self);
                assertThat(r.getBody().getText().getText()).isEqualTo("the plan");
                assertThat(r.getBody().getForwarded()).isTrue();
                assertThat(r.getBody().hasQuote()).isFalse();
            });
            assertThatThrownBy(() -> client.forward(self, 999, List.of(self)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void cutsQuoteExcerptsToTwoHundredCharactersOnOneLine() {
        String emoji = "😀".repeat(250);

        String cut = QuotedMessage.excerpt(emoji);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(QuotedMessage.MAX_EXCERPT_CHARS);
        assertThat(cut).endsWith("…").startsWith("😀😀");
        assertThat(QuotedMessage.excerpt(" a\n\tb ")).isEqualTo("a b");
        assertThatThrownBy(() -> new QuotedMessage(3, 1, "  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRemoteWipeDeletesTheDatabaseKeyAndCacheAndForgetsTheAccount() throws Exception {
        java.util.concurrent.CompletableFuture<DeviceWipedException> wiped =
                new java.util.concurrent.CompletableFuture<>();
        List<String> ended = new CopyOnWriteArrayList<>();
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.addListener(new ClientListener() {
                @Override
                public void onDeviceWiped(
                        DeviceWipedException wipe, @org.jspecify.annotations.Nullable Exception error) {
                    if (error == null) {
                        wiped.complete(wipe);
                    } else {
                        wiped.completeExceptionally(error);
                    }
                }

                @Override
                public void onSessionEnded(String reason) {
                    ended.add(reason);
                }
            });
            client.login("alice", "secret", "laptop").get(10, TimeUnit.SECONDS);
            long self = client.openSelf().get(5, TimeUnit.SECONDS).id();
            client.sendText(self, "secret plans", List.of());
            assertThat(client.awaitFlushed(Duration.ofSeconds(5))).isTrue();
            Path cache = Files.createDirectories(client.cacheDir().resolve("images"));
            Files.writeString(cache.resolve("photo.png"), "pixels");
            try (var files = Files.list(dataDir.resolve(server.address().replace(':', '_')))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .contains("alice.db", "alice.db.key", "alice.cache");
            }

            server.pushWipe(1_764_000_000_000L);

            assertThat(wiped.get(10, TimeUnit.SECONDS).orderedAtMs()).isEqualTo(1_764_000_000_000L);
            try (var files = Files.list(dataDir.resolve(server.address().replace(':', '_')))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("alice"));
            }
            assertThat(client.rememberedAccount()).isEmpty();
            assertThat(client.connectionState()).isEqualTo(ConnectionState.SESSION_ENDED);
            assertThatThrownBy(() -> client.sync().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(NotLoggedInException.class);
            assertThatThrownBy(client::conversations).isInstanceOf(IllegalStateException.class);
            assertThat(ended).isEmpty();

            // A new login starts over with a fresh store.
            client.login("alice", "secret", "laptop").get(10, TimeUnit.SECONDS);
            assertThat(client.rememberedAccount()).contains("alice");
        }
    }

    @Test
    void aLogOutKeepsTheAccountButLeavesNoSessionToResume() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.login("alice", "secret", "laptop").get(10, TimeUnit.SECONDS);
            assertThat(client.hasRememberedSession()).isTrue();

            client.logout().get(10, TimeUnit.SECONDS);

            assertThat(client.rememberedAccount()).contains("alice");
            assertThat(client.hasRememberedSession()).isFalse();
        }
        try (MagpieClient client = MagpieClient.open(dataDir, null, options())) {
            assertThat(client.rememberedAccount()).contains("alice");
            assertThat(client.hasRememberedSession()).isFalse();
            assertThatThrownBy(() -> client.openRememberedSession("laptop").get(5, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            NotLoggedInException.class,
                            e -> assertThat(e.sessionEnded()).isFalse());

            client.login("alice", "secret", "laptop").get(10, TimeUnit.SECONDS);
            assertThat(client.hasRememberedSession()).isTrue();
            client.removeLocalData().get(10, TimeUnit.SECONDS);
            assertThat(client.rememberedAccount()).isEmpty();
            assertThat(client.hasRememberedSession()).isFalse();
        }
    }

    @Test
    void resumesWithTheStoredTokenAndSyncsPushedMessages() throws Exception {
        try (MagpieClient first = MagpieClient.open(dataDir, server.address(), options())) {
            first.login("alice", "secret", "d").get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 5; i++) {
            server.post(text("old " + i));
        }
        try (MagpieClient client = MagpieClient.open(dataDir, null, options())) {
            List<EntryRecord> heard = new CopyOnWriteArrayList<>();
            client.addListener(new ClientListener() {
                @Override
                public void onEntries(List<EntryRecord> entries) {
                    heard.addAll(entries);
                }
            });
            client.resume("d").get(10, TimeUnit.SECONDS);
            client.sync().get(5, TimeUnit.SECONDS);
            assertThat(client.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50))
                    .hasSize(5);

            server.post(text("pushed"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> client.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50)
                                    .size()
                            == 6);
            assertThat(heard).hasSize(6);
            assertThat(firstContacts).hasSize(1);

            client.recall(FakeMagpieServer.SELF_CONVERSATION, 6).get(5, TimeUnit.SECONDS);
            assertThat(client.entry(FakeMagpieServer.SELF_CONVERSATION, 6)
                            .orElseThrow()
                            .recalled())
                    .isTrue();
            assertThat(client.search("pushed", 10)).isEmpty();
        }
    }

    @Test
    void storesMessagesPushedTogetherInOneGo() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            List<List<EntryRecord>> heard = new CopyOnWriteArrayList<>();
            client.addListener(new ClientListener() {
                @Override
                public void onEntries(List<EntryRecord> entries) {
                    heard.add(entries);
                }
            });
            client.login("alice", "secret", "d").get(10, TimeUnit.SECONDS);
            server.post(text("first"));
            client.sync().get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> client.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50)
                                    .size()
                            == 1);
            heard.clear();

            List<LogEntry.Builder> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                burst.add(text("burst " + i));
            }
            server.postTogether(burst);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> client.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50)
                                    .size()
                            == 31);
            assertThat(heard.stream().mapToInt(List::size).sum())
                    .as("every pushed message reported once")
                    .isEqualTo(30);
            // one read from the socket, one transaction and one report (a split TCP read may make it two)
            assertThat(heard).as("reports of the 30 pushes").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void aHistoryPageTheServerCannotAnswerIsWhatThisDeviceHas() throws Exception {
        for (int i = 1; i <= 6; i++) {
            server.post(text("earlier " + i));
        }
        server.firstSyncFrom = 3; // this device's first sync brings seq 4 to 6 only
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.login("alice", "secret", "d").get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50)
                                    .size()
                            == 3);
            // the page is short of seq 1 and the server cannot answer for the rest (this fake server has no history
            // requests; offline, the same: the request fails at once, "not connected"): the three this device has
            assertThat(client.history(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 50)
                            .get(10, TimeUnit.SECONDS))
                    .extracting(e -> e.seq())
                    .containsExactly(4L, 5L, 6L);
            // below them this device has nothing: the failure is the answer (the chat asks again later)
            assertThatThrownBy(() -> client.history(FakeMagpieServer.SELF_CONVERSATION, 4, 50)
                            .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.ExecutionException.class);
        }
    }

    @Test
    void opensTheRememberedSessionFromLocalDataWhileTheServerIsDown() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            client.login("alice", "secret", "d").get(10, TimeUnit.SECONDS);
            client.openSelf().get(5, TimeUnit.SECONDS);
        }
        server.close();
        try (MagpieClient client = MagpieClient.open(dataDir, null, options())) {
            client.openRememberedSession("d").get(5, TimeUnit.SECONDS);

            assertThat(client.connectionState()).isNotEqualTo(ConnectionState.ONLINE);
            assertThat(client.conversations())
                    .extracting(c -> c.id())
                    .containsExactly(FakeMagpieServer.SELF_CONVERSATION);
            assertThat(client.firstConnection()).isNotDone();
        }
    }

    @Test
    void refusesAServerWhoseCertificateChangedAfterPinning() throws Exception {
        try (MagpieClient first = MagpieClient.open(dataDir, server.address(), options())) {
            first.login("alice", "secret", "d").get(10, TimeUnit.SECONDS);
        }
        // the same address now presents another installation's certificate: simulate by pinning something else
        Path config = dataDir.resolve("client.json");
        Files.writeString(config, Files.readString(config).replace(server.fingerprint(), "ab".repeat(32)));
        try (MagpieClient client = MagpieClient.open(dataDir, null, options())) {
            assertThatThrownBy(() -> client.login("alice", "secret", "d").get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(CertificateChangedException.class)
                    .hasMessageContaining("certificate changed");
            assertThat(firstContacts).hasSize(1);
        }
        ClientOptions strict = options().withRequiredFingerprint("00".repeat(32));
        try (MagpieClient client = MagpieClient.open(dataDir.resolve("other"), server.address(), strict)) {
            assertThatThrownBy(() -> client.login("alice", "secret", "d").get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(CertificateChangedException.class);
        }
    }

    @Test
    void wrongPasswordFailsAndLeavesNoSession() throws Exception {
        try (MagpieClient client = MagpieClient.open(dataDir, server.address(), options())) {
            assertThatThrownBy(() -> client.login("alice", "nope", "d").get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("INVALID_CREDENTIALS");
            assertThat(client.connectionState()).isEqualTo(ConnectionState.OFFLINE);
            assertThatThrownBy(() -> client.resume("d").get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(NotLoggedInException.class);
        }
    }

    @Test
    void manyClientsShareOneEventLoopAndIoPool() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ExecutorService io = Executors.newCachedThreadPool();
        try {
            try (MagpieClient a = MagpieClient.open(dataDir.resolve("a"), server.address(), options(), group, io);
                    MagpieClient b = MagpieClient.open(dataDir.resolve("b"), server.address(), options(), group, io)) {
                a.login("alice", "secret", "laptop").get(10, TimeUnit.SECONDS);
                b.login("alice", "secret", "phone").get(10, TimeUnit.SECONDS);
                a.sendText(FakeMagpieServer.SELF_CONVERSATION, "from the laptop", List.of());
                assertThat(a.awaitFlushed(Duration.ofSeconds(5))).isTrue();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> b.messages(FakeMagpieServer.SELF_CONVERSATION, Long.MAX_VALUE, 10)
                                        .size()
                                == 1);
            }
            assertThat(group.isShuttingDown()).isFalse();
            assertThat(io.isShutdown()).isFalse();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            io.shutdownNow();
        }
    }

    private static LogEntry.Builder text(String t) {
        return LogEntry.newBuilder()
                .setActorUserId(FakeMagpieServer.ALICE)
                .setMessage(MessagePosted.newBuilder()
                        .setClientMessageId("other-" + t)
                        .setBody(MessageBody.newBuilder()
                                .setText(TextContent.newBuilder().setText(t))));
    }
}
