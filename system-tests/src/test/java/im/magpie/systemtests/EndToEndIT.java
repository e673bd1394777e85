package im.magpie.systemtests;

import static im.magpie.systemtests.Clients.await;
import static im.magpie.systemtests.Clients.texts;
import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static im.magpie.testsupport.Acme.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.MemberRecord;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.ReadReceiptsResponse;
import im.magpie.server.TestServerExtension;
import im.magpie.testsupport.Acme;
import im.magpie.testsupport.AcmePerson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acme's people chat through the real server with the real client library: two users, two devices
 * of one user, offline catch-up, recall, receipts, groups, files with resume, and finally a scan of
 * every server and client file for the plaintext of everything they sent.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path clientsRoot;

    @TempDir
    static Path downloads;

    /** Every text and file content sent in this class: none may be found in clear at rest. */
    static final List<String> SECRETS = new ArrayList<>();

    static Clients clients;
    static MagpieClient aliceLaptop;
    static MagpieClient alicePhone;
    static MagpieClient bob;
    static MagpieClient carol;

    @BeforeAll
    static void acmeLogsIn() throws Exception {
        for (AcmePerson person : Acme.PEOPLE) {
            server.server().core().accounts().create(person.account(), person.displayName(), person.password());
        }
        clients =
                new Clients(clientsRoot, "127.0.0.1:" + server.server().ports().discovery());
        aliceLaptop = clients.loggedIn(ALICE.account(), ALICE.password(), "laptop");
        alicePhone = clients.loggedIn(ALICE.account(), ALICE.password(), "phone");
        bob = clients.loggedIn(BOB.account(), BOB.password(), "desktop");
        carol = clients.loggedIn(CAROL.account(), CAROL.password(), "desktop");
    }

    @AfterAll
    static void closeClients() {
        clients.close();
    }

    @Test
    @Order(1)
    void aliceAndBobChatAndAlicesSecondDeviceSeesBothSides() {
        long direct = await(aliceLaptop.openDirect(BOB.account())).id();
        String hello = secret("你好 Bob 👋 季度报表");
        aliceLaptop.sendText(direct, hello, List.of());

        await().atMost(Clients.WAIT).until(() -> texts(bob, direct).contains(hello));
        String reply = secret("收到, Alice");
        bob.sendText(direct, reply, List.of());

        await().atMost(Clients.WAIT).until(() -> texts(aliceLaptop, direct).equals(List.of(hello, reply)));
        await().atMost(Clients.WAIT).until(() -> texts(alicePhone, direct).equals(List.of(hello, reply)));
        assertThat(bob.search("报表", 10)).extracting(Clients::text).containsExactly(hello);
        assertThat(bob.search("报", 10)).extracting(Clients::text).containsExactly(hello);
    }

    @Test
    @Order(2)
    void bobCatchesUpOnEverythingSentWhileHeWasOffline() {
        long direct = await(aliceLaptop.openDirect(BOB.account())).id();
        Path bobDir = clients.dirOf(bob);
        bob.close();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = secret("offline message " + i);
            sent.add(text);
            aliceLaptop.sendText(direct, text, List.of());
        }
        await().atMost(Clients.WAIT).until(() -> aliceLaptop.pendingMessages().isEmpty());

        bob = clients.resumed(bobDir, "desktop");
        await().atMost(Clients.WAIT).until(() -> texts(bob, direct).containsAll(sent));
        List<String> bobs = texts(bob, direct);
        assertThat(bobs.subList(bobs.size() - 5, bobs.size())).containsExactlyElementsOf(sent);
    }

    @Test
    @Order(3)
    void aRecalledMessageDisappearsOnEveryDevice() {
        long direct = await(aliceLaptop.openDirect(BOB.account())).id();
        String oops = secret("wrong chat, sorry");
        String id = aliceLaptop.sendText(direct, oops, List.of());
        long seq = sentSeq(aliceLaptop, id);
        await().atMost(Clients.WAIT).until(() -> texts(bob, direct).contains(oops));

        await(aliceLaptop.recall(direct, seq));

        for (MagpieClient device : List.of(bob, alicePhone, aliceLaptop)) {
            await().atMost(Clients.WAIT)
                    .until(() ->
                            device.entry(direct, seq).map(EntryRecord::recalled).orElse(false));
            EntryRecord recalled = device.entry(direct, seq).orElseThrow();
            assertThat(recalled.body()).isEmpty();
            assertThat(texts(device, direct)).doesNotContain(oops);
        }
        assertThat(bob.search("wrong chat", 10)).isEmpty();
    }

    @Test
    @Order(4)
    void aGroupLivesFromCreationToRemovalWithReceipts() {
        ConversationRecord group =
                await(aliceLaptop.createGroup("项目组 Project", List.of(BOB.account(), CAROL.account())));
        long id = group.id();
        String kickoff = secret("项目启动会 at 10:00");
        String kickoffId = aliceLaptop.sendText(id, kickoff, List.of());
        long kickoffSeq = sentSeq(aliceLaptop, kickoffId);
        await().atMost(Clients.WAIT).until(() -> texts(carol, id).contains(kickoff));
        await().atMost(Clients.WAIT).until(() -> texts(bob, id).contains(kickoff));

        await(bob.markRead(id, kickoffSeq));
        ReadReceiptsResponse receipts = await(aliceLaptop.readReceipts(id, kickoffSeq));
        assertThat(receipts.getReadUserIdsList()).containsExactly(bob.userId());
        assertThat(receipts.getUnreadUserIdsList()).containsExactly(carol.userId());

        await(aliceLaptop.renameGroup(id, "项目组 2026"));
        await().atMost(Clients.WAIT)
                .until(() -> bob.conversation(id)
                        .map(ConversationRecord::title)
                        .orElse("")
                        .equals("项目组 2026"));

        await(aliceLaptop.removeMember(id, CAROL.account()));
        await().atMost(Clients.WAIT)
                .until(() ->
                        !carol.conversation(id).map(ConversationRecord::active).orElse(true));
        String afterRemoval = secret("only for the remaining members");
        aliceLaptop.sendText(id, afterRemoval, List.of());
        await().atMost(Clients.WAIT).until(() -> texts(bob, id).contains(afterRemoval));
        await(carol.sync());
        assertThat(texts(carol, id)).doesNotContain(afterRemoval);
        assertThat(bob.conversation(id).orElseThrow().members())
                .extracting(MemberRecord::userId)
                .containsExactlyInAnyOrder(aliceLaptop.userId(), bob.userId());
    }

    @Test
    @Order(5)
    void aFileArrivesIntactAndAnInterruptedDownloadResumes() throws Exception {
        long direct = await(aliceLaptop.openDirect(BOB.account())).id();
        String marker = secret("file content marker 文件内容");
        byte[] content = fileContent(marker, 3 * 1024 * 1024 + 17);
        Path source = Files.createTempFile(downloads.getParent(), "report-", ".bin");
        Files.write(source, content);

        String id = await(aliceLaptop.sendFile(direct, source));
        long seq = sentSeq(aliceLaptop, id);
        await().atMost(Clients.WAIT).until(() -> bob.entry(direct, seq).isPresent());
        FileContent file = Clients.body(bob.entry(direct, seq).orElseThrow()).getFile();
        assertThat(file.getSize()).isEqualTo(content.length);
        assertThat(file.getSha256()).isEqualTo(sha256(content));

        Path target = downloads.resolve("report.bin");
        Files.write(target.resolveSibling("report.bin.part"), java.util.Arrays.copyOf(content, 1_000_000));
        Path saved = await(bob.downloadFile(file, target));
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        assertThat(target.resolveSibling("report.bin.part")).doesNotExist();
        Files.delete(source);
    }

    @Test
    @Order(6)
    void theFileTransferAssistantCarriesMessagesBetweenAlicesDevices() {
        long self = await(aliceLaptop.openSelf()).id();
        String note = secret("note to self: 带上电脑");
        aliceLaptop.sendText(self, note, List.of());
        await().atMost(Clients.WAIT).until(() -> {
            await(alicePhone.sync());
            return alicePhone.conversation(self).isPresent()
                    && texts(alicePhone, self).contains(note);
        });
        assertThat(bob.conversation(self)).isEmpty();
    }

    @Test
    @Order(100)
    void nothingSentIsStoredInClearOnTheServerOrInAnyClient() throws IOException {
        assertThat(SECRETS).hasSizeGreaterThan(10);
        assertThat(PlaintextScan.hits(server.dataDir(), SECRETS)).isEmpty();
        assertThat(PlaintextScan.hits(clientsRoot, SECRETS)).isEmpty();
        // the scan finds what is there: the downloaded file is in clear on purpose
        assertThat(PlaintextScan.hits(downloads, SECRETS)).isNotEmpty();
    }

    private static String secret(String text) {
        String marked = text + " #" + UUID.randomUUID();
        SECRETS.add(marked);
        return marked;
    }

    private static long sentSeq(MagpieClient client, String clientMessageId) {
        await().atMost(Clients.WAIT)
                .until(() -> client.outboxMessage(clientMessageId)
                        .map(r -> r.seq() > 0)
                        .orElse(false));
        return client.outboxMessage(clientMessageId).orElseThrow().seq();
    }

    private static byte[] fileContent(String marker, int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(m, 0, bytes, 123_456, m.length);
        System.arraycopy(m, 0, bytes, size - m.length, m.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
