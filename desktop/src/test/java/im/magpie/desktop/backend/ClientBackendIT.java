package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import im.magpie.desktop.chat.ChatEvents;
import im.magpie.desktop.chat.ChatException;
import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationInfo;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.login.FingerprintQuestion;
import im.magpie.desktop.login.LoginException;
import im.magpie.desktop.login.LoginFailure;
import im.magpie.server.TestServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's adapter against a real server (in-process, TLS, embedded PostgreSQL) and the real client library:
 * every login outcome the login window explains, and a chat round trip.
 */
@Tag("integration")
class ClientBackendIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final FingerprintQuestion TRUST = (s, f) -> CompletableFuture.completedFuture(true);

    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path work;

    static String address() {
        return "127.0.0.1:" + server.server().ports().discovery();
    }

    @BeforeAll
    static void users() throws Exception {
        for (String a : List.of("zhangwei", "lina", "locked", "gone")) {
            server.createUser(a);
        }
        server.server().core().accounts().setDisabled("gone", true);
    }

    static LoginFailure failure(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoginException le) {
                return le.failure();
            }
            throw new AssertionError("not a LoginException", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer", e);
        }
        throw new AssertionError("login succeeded");
    }

    @Test
    void everyLoginOutcomeIsTypedAndTheFingerprintIsAskedOnce() throws Exception {
        try (ClientBackend backend = new ClientBackend(Files.createDirectory(work.resolve("a")), null, "it")) {
            List<String> asked = new CopyOnWriteArrayList<>();
            FingerprintQuestion reject = (s, f) -> {
                asked.add(f);
                return CompletableFuture.completedFuture(false);
            };
            assertThat(failure(backend.login(address(), "zhangwei", "secret-zhangwei", reject)))
                    .isEqualTo(LoginFailure.FINGERPRINT_REJECTED);
            assertThat(asked).singleElement().asString().matches("[0-9a-f]{64}");

            FingerprintQuestion trustAndCount = (s, f) -> {
                asked.add(f);
                return CompletableFuture.completedFuture(true);
            };
            assertThat(failure(backend.login(address(), "zhangwei", "wrong", trustAndCount)))
                    .isEqualTo(LoginFailure.WRONG_PASSWORD);
            assertThat(failure(backend.login(address(), "gone", "secret-gone", trustAndCount)))
                    .isEqualTo(LoginFailure.DISABLED);
            LoginFailure last = null;
            for (int i = 0; i < 8 && last != LoginFailure.LOCKED; i++) {
                last = failure(backend.login(address(), "locked", "wrong", trustAndCount));
            }
            assertThat(last).isEqualTo(LoginFailure.LOCKED);
            assertThat(failure(backend.login("bad address:x", "zhangwei", "pw", trustAndCount)))
                    .isEqualTo(LoginFailure.BAD_ADDRESS);
            assertThat(asked).hasSize(2); // pinned after the first trusted contact
        }
    }

    @Test
    void anUnreachableServerIsSaidSo() throws Exception {
        try (ClientBackend backend = new ClientBackend(Files.createDirectory(work.resolve("b")), null, "it")) {
            assertThat(failure(backend.login("127.0.0.1:1", "zhangwei", "pw", TRUST)))
                    .isEqualTo(LoginFailure.UNREACHABLE);
        }
    }

    @Test
    void loginRemembersTheAccountAndAChatMakesARoundTrip() throws Exception {
        Path dir = Files.createDirectory(work.resolve("c"));
        try (ClientBackend backend = new ClientBackend(dir, null, "it")) {
            assertThat(backend.hasSession()).isFalse();
            backend.login(address(), "zhangwei", "secret-zhangwei", TRUST).get(20, TimeUnit.SECONDS);
            assertThat(backend.rememberedAccount()).contains("zhangwei");
            assertThat(backend.rememberedServer()).isEqualTo(address());

            List<Long> sent = new CopyOnWriteArrayList<>();
            backend.addListener(new ChatEvents() {
                @Override
                public void messageSent(String clientMessageId, long conversationId, long seq) {
                    sent.add(seq);
                }
            });
            ConversationInfo direct = backend.openDirect("lina").get(20, TimeUnit.SECONDS);
            assertThat(direct.kind()).isEqualTo(ConversationKind.DIRECT);
            long lina = direct.peer(backend.selfUserId());
            Map<Long, String> names = backend.displayNames(List.of(lina)).get(20, TimeUnit.SECONDS);
            assertThat(names).containsEntry(lina, "LINA");

            backend.sendText(direct.id(), "你好 https://example.com").get(20, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> !sent.isEmpty());
            await().atMost(WAIT)
                    .until(() -> !backend.messages(direct.id(), Long.MAX_VALUE, 50)
                            .get(20, TimeUnit.SECONDS)
                            .isEmpty());
            List<Message> messages =
                    backend.messages(direct.id(), Long.MAX_VALUE, 50).get(20, TimeUnit.SECONDS);
            assertThat(messages).last().satisfies(m -> {
                assertThat(m.content()).isEqualTo(new Content.Text("你好 https://example.com"));
                assertThat(m.senderId()).isEqualTo(backend.selfUserId());
            });
            assertThat(backend.conversations().get(20, TimeUnit.SECONDS))
                    .filteredOn(c -> c.id() == direct.id())
                    .singleElement()
                    .satisfies(c -> assertThat(c.last()).isNotNull());

            assertThatThrownBy(() -> backend.openDirect("nobody").get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ChatException.class)
                    .cause()
                    .satisfies(e -> assertThat(((ChatException) e).kind()).isEqualTo(ChatFailureKind.UNKNOWN_ACCOUNT));
        }
        try (ClientBackend again = new ClientBackend(dir, null, "it")) {
            assertThat(again.hasSession()).isTrue();
            again.resume().get(20, TimeUnit.SECONDS);
            assertThat(again.selfUserId()).isNotZero();
        }
    }

    @Test
    void aRemoteWipeIsReportedOnlineAndAtTheNextStart() throws Exception {
        server.createUser("wendy");
        Path online = Files.createDirectory(work.resolve("wipe-online"));
        try (ClientBackend backend = new ClientBackend(online, null, "it")) {
            backend.login(address(), "wendy", "secret-wendy", TRUST).get(20, TimeUnit.SECONDS);
            CompletableFuture<Void> wiped = new CompletableFuture<>();
            backend.onDeviceWiped(() -> wiped.complete(null));

            assertThat(wipe("wendy")).isZero();

            wiped.get(20, TimeUnit.SECONDS);
            assertThat(backend.hasSession()).isFalse();
        }
        Path offline = Files.createDirectory(work.resolve("wipe-offline"));
        try (ClientBackend backend = new ClientBackend(offline, null, "it")) {
            backend.login(address(), "wendy", "secret-wendy", TRUST).get(20, TimeUnit.SECONDS);
        }
        assertThat(wipe("wendy")).isZero();
        try (ClientBackend again = new ClientBackend(offline, null, "it")) {
            CompletableFuture<Void> wiped = new CompletableFuture<>();
            again.onDeviceWiped(() -> wiped.complete(null));
            assertThat(again.hasSession()).isTrue();
            assertThat(failure(again.resume())).isEqualTo(LoginFailure.DEVICE_WIPED);
            wiped.get(20, TimeUnit.SECONDS);
            assertThat(again.hasSession()).isFalse();
        }
    }

    private static int wipe(String account) {
        return im.magpie.server.admin.cli.AdminCli.run(
                "--data-dir", server.dataDir().toString(), "device", "wipe", account);
    }

    @Test
    void filesAndFoldersGoToTheFileTransferAssistantAndComeBackAsTheSameTree() throws Exception {
        Path dir = Files.createDirectory(work.resolve("d"));
        Path folder = Files.createDirectories(work.resolve("季度资料/图表"));
        Files.writeString(work.resolve("季度资料/摘要.txt"), "摘要 summary");
        Files.write(folder.resolve("trend.bin"), new byte[70_000]);
        Path single = Files.writeString(work.resolve("notes.txt"), "会议纪要");
        try (ClientBackend backend = new ClientBackend(dir, null, "it")) {
            backend.login(address(), "lina", "secret-lina", TRUST).get(20, TimeUnit.SECONDS);
            ConversationInfo self = backend.openSelf().get(20, TimeUnit.SECONDS);
            assertThat(self.kind()).isEqualTo(ConversationKind.SELF);

            backend.sendFile(self.id(), single, false).get(20, TimeUnit.SECONDS);
            backend.sendFile(self.id(), work.resolve("季度资料"), true).get(20, TimeUnit.SECONDS);
            await().atMost(WAIT)
                    .until(() -> backend.messages(self.id(), Long.MAX_VALUE, 50)
                                    .get(20, TimeUnit.SECONDS)
                                    .size()
                            >= 2);
            List<Message> messages =
                    backend.messages(self.id(), Long.MAX_VALUE, 50).get(20, TimeUnit.SECONDS);
            Message file = messages.get(messages.size() - 2);
            Message tree = messages.get(messages.size() - 1);
            assertThat(file.content()).isEqualTo(new Content.File("notes.txt", Files.size(single)));
            assertThat(tree.content())
                    .isEqualTo(new Content.Folder("季度资料", 2, 70_000 + Files.size(work.resolve("季度资料/摘要.txt"))));

            Path saved = backend.download(self.id(), file.seq(), work.resolve("out/notes.txt"))
                    .get(20, TimeUnit.SECONDS);
            assertThat(saved).hasContent("会议纪要");
            Path savedTree = backend.download(self.id(), tree.seq(), work.resolve("out/季度资料"))
                    .get(20, TimeUnit.SECONDS);
            assertThat(savedTree.resolve("摘要.txt")).hasContent("摘要 summary");
            assertThat(savedTree.resolve("图表/trend.bin")).hasSize(70_000);
        }
    }
}
