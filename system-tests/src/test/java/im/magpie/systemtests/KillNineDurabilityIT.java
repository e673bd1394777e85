package im.magpie.systemtests;

import static im.magpie.systemtests.Clients.await;
import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.ClientListener;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.EntryRecord;
import im.magpie.testsupport.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means stored: the server runs as its own process and is killed with SIGKILL at
 * random moments while Alice sends without pause; after each kill it starts again on the same data
 * directory (its orphaned embedded PostgreSQL still running). In the end every message Alice's
 * device was told was stored is there with the seq it was told, and every message she wrote is
 * there exactly once, in the order she wrote them.
 */
@Tag("integration")
class KillNineDurabilityIT {
    private static final int MESSAGES = 300;
    private static final int KILLS = 3;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedMessageSurvivesKillNineExactlyOnce() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        try (ServerProcess server = new ServerProcess(work.resolve("server"))) {
            server.start();
            Admin.createUser(server, ALICE);
            Admin.createUser(server, BOB);
            try (Clients local = new Clients(work.resolve("clients"), server.discoveryAddress())) {
                sendThroughKills(server, local, random, seed);
            }
        }
    }

    private static void sendThroughKills(ServerProcess server, Clients local, Random random, long seed)
            throws Exception {
        MagpieClient alice = local.loggedIn(ALICE.account(), ALICE.password(), "laptop");
        long direct = await(alice.openDirect(BOB.account())).id();

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        alice.addListener(new ClientListener() {
            @Override
            public void onMessageSent(String clientMessageId, long conversationId, long seq) {
                acknowledged.put(clientMessageId, seq);
            }
        });

        List<String> written = new ArrayList<>();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<Integer> kills = killer.submit(() -> killRepeatedly(server, random));
        for (int i = 0; i < MESSAGES; i++) {
            written.add(alice.sendText(direct, "durable " + i, List.of()));
            Thread.sleep(10);
        }
        assertThat(kills.get(5, TimeUnit.MINUTES)).isEqualTo(KILLS);
        killer.shutdown();

        assertThat(alice.awaitFlushed(Duration.ofMinutes(2)))
                .as("outbox flushed after the last restart (seed %d)", seed)
                .isTrue();

        MagpieClient bob = local.loggedIn(BOB.account(), BOB.password(), "fresh-device");
        await(bob.sync());
        List<EntryRecord> stored = bob.messages(direct, Long.MAX_VALUE, 10_000).stream()
                .filter(EntryRecord::isMessage)
                .toList();
        Map<String, Long> storedSeqs = new HashMap<>();
        for (EntryRecord entry : stored) {
            assertThat(storedSeqs.put(entry.clientMessageId(), entry.seq()))
                    .as("message %s stored once (seed %d)", entry.clientMessageId(), seed)
                    .isNull();
        }
        assertThat(acknowledged).as("acknowledgements seen").isNotEmpty();
        acknowledged.forEach((id, seq) -> assertThat(storedSeqs.get(id))
                .as("acknowledged %s is stored with its seq (seed %d)", id, seed)
                .isEqualTo(seq));
        assertThat(stored.stream().map(EntryRecord::clientMessageId).toList())
                .as("every written message, once, in writing order (seed %d)", seed)
                .containsExactlyElementsOf(written);
    }

    private static int killRepeatedly(ServerProcess server, Random random) throws Exception {
        for (int k = 0; k < KILLS; k++) {
            Thread.sleep(300 + random.nextInt(900));
            server.kill();
            Thread.sleep(random.nextInt(300));
            server.start();
        }
        return KILLS;
    }
}
