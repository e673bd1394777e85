package im.magpie.systemtests;

import static im.magpie.systemtests.Clients.await;
import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static im.magpie.testsupport.Acme.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.client.MagpieClient;
import im.magpie.server.TestServerExtension;
import im.magpie.testsupport.Acme;
import im.magpie.testsupport.AcmePerson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The sync contract of docs/architecture.md §4: for every kind of change, Bob's long-lived device
 * (state A, kept current by notifications and incremental syncs) must end up exactly where a brand
 * new device of Bob's ends up after one full sync from an empty cursor.
 *
 * <p>The tests build on each other (a story in order), so each change happens on top of all earlier ones.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncContractIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path clientsRoot;

    static Clients clients;
    static MagpieClient alice;
    static MagpieClient bobLive;
    static MagpieClient bobOtherDevice;
    static long direct;
    static long group;
    static long lastAliceSeq;

    @BeforeAll
    static void setUp() throws Exception {
        for (AcmePerson person : Acme.PEOPLE) {
            server.server().core().accounts().create(person.account(), person.displayName(), person.password());
        }
        clients =
                new Clients(clientsRoot, "127.0.0.1:" + server.server().ports().discovery());
        alice = clients.loggedIn(ALICE.account(), ALICE.password(), "laptop");
        bobLive = clients.loggedIn(BOB.account(), BOB.password(), "desktop");
        bobOtherDevice = clients.loggedIn(BOB.account(), BOB.password(), "phone");
    }

    @AfterAll
    static void tearDown() {
        clients.close();
    }

    @Test
    @Order(1)
    void openingADirectConversationAndAMessage() {
        direct = await(alice.openDirect(BOB.account())).id();
        lastAliceSeq = send(alice, direct, "first message 第一条");
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(2)
    void aMessageWithAMention() {
        ensureGroup();
        String id = alice.sendText(group, "@Bob please look 请看", List.of(bobLive.userId()));
        lastAliceSeq = seqOf(alice, id);
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(3)
    void aRecall() {
        long seq = send(alice, direct, "to be recalled 撤回");
        await(alice.recall(direct, seq));
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(4)
    void aReadMarkFromBobsOtherDevice() {
        await(bobOtherDevice.sync());
        await(bobOtherDevice.markRead(direct, lastAliceSeq));
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(5)
    void aRename() {
        ensureGroup();
        await(alice.renameGroup(group, "新名字 renamed"));
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(6)
    void membersAdded() {
        ensureGroup();
        await(alice.addMembers(group, List.of(Acme.DAVE.account())));
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(7)
    void aMemberRemoved() {
        ensureGroup();
        await(alice.removeMember(group, CAROL.account()));
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(8)
    void bobLeavesFromHisOtherDeviceAndMissesWhatFollows() {
        ensureGroup();
        await(bobOtherDevice.sync());
        await(bobOtherDevice.leaveGroup(group));
        send(alice, group, "after Bob left");
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(9)
    void bobIsAddedBackAndSeesOnlyWhatFollows() {
        await(alice.addMembers(group, List.of(BOB.account())));
        send(alice, group, "welcome back");
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(10)
    void aNoteInTheFileTransferAssistant() {
        long self = await(bobOtherDevice.openSelf()).id();
        send(bobOtherDevice, self, "note to self");
        assertIncrementalEqualsFull();
    }

    @Test
    @Order(11)
    void aFileMessage() throws Exception {
        Path file = Files.writeString(clientsRoot.resolve("minutes.txt"), "会议纪要 minutes");
        String id = await(alice.sendFile(direct, file));
        seqOf(alice, id);
        assertIncrementalEqualsFull();
    }

    private static void ensureGroup() {
        if (group == 0) {
            group = await(alice.createGroup("Sync 合约", List.of(BOB.account(), CAROL.account())))
                    .id();
        }
    }

    private static long send(MagpieClient from, long conversation, String text) {
        return seqOf(from, from.sendText(conversation, text, List.of()));
    }

    private static long seqOf(MagpieClient client, String clientMessageId) {
        await().atMost(Clients.WAIT)
                .until(() -> client.outboxMessage(clientMessageId)
                        .map(r -> r.seq() > 0)
                        .orElse(false));
        return client.outboxMessage(clientMessageId).orElseThrow().seq();
    }

    /** Bob's live device, after it caught up by itself, equals a new device after one full sync. */
    private static void assertIncrementalEqualsFull() {
        MagpieClient fresh = clients.loggedIn(BOB.account(), BOB.password(), "fresh");
        await(fresh.sync());
        LocalState full = LocalState.of(fresh);
        try {
            await().atMost(Clients.WAIT).untilAsserted(() -> {
                LocalState incremental = LocalState.of(bobLive);
                assertThat(incremental)
                        .as("incremental state:%n%s%nfull sync:%n%s", incremental.describe(), full.describe())
                        .isEqualTo(full);
            });
        } finally {
            fresh.close();
        }
    }
}
