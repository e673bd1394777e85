package im.magpie.systemtests;

import static im.magpie.systemtests.Clients.await;
import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationSettings;
import im.magpie.server.TestServerExtension;
import im.magpie.testsupport.AcmePerson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mute and pin (G3) through the real server: set on one device, seen on the other, invisible to other members. */
@Tag("integration")
class ConversationSettingsIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @TempDir
    static Path clientsRoot;

    static Clients clients;

    @BeforeAll
    static void people() throws Exception {
        for (AcmePerson person : List.of(ALICE, BOB)) {
            server.server().core().accounts().create(person.account(), person.displayName(), person.password());
        }
        clients =
                new Clients(clientsRoot, "127.0.0.1:" + server.server().ports().discovery());
    }

    @AfterAll
    static void closeClients() {
        clients.close();
    }

    @Test
    void muteAndPinFollowTheUserToTheirOtherDevice() {
        MagpieClient laptop = clients.loggedIn(ALICE.account(), ALICE.password(), "laptop");
        MagpieClient phone = clients.loggedIn(ALICE.account(), ALICE.password(), "phone");
        MagpieClient bob = clients.loggedIn(BOB.account(), BOB.password(), "desktop");
        long group =
                await(laptop.createGroup("午饭 Lunch", List.of(BOB.account()))).id();

        await(laptop.setMuted(group, true));
        await(laptop.setPinned(group, true));
        assertThat(laptop.conversationSettings()).containsEntry(group, new ConversationSettings(true, true));

        await().atMost(Clients.WAIT)
                .until(
                        () -> phone.conversationSettings().get(group),
                        s -> new ConversationSettings(true, true).equals(s));
        await(laptop.setMuted(group, false));
        await().atMost(Clients.WAIT)
                .until(
                        () -> phone.conversationSettings().get(group),
                        s -> new ConversationSettings(false, true).equals(s));

        await(bob.sync());
        assertThat(bob.conversationSettings()).isEmpty();
        // The settings entries stay out of the file transfer assistant's messages.
        long self = await(phone.openSelf()).id();
        assertThat(Clients.texts(phone, self)).isEmpty();
    }
}
