package im.magpie.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.Presence;
import im.magpie.protocol.v1.PresenceUpdate;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.protocol.v1.SubscriptionChange;
import im.magpie.protocol.v1.UserPresence;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence subscriptions over the real gateway: replacing (older clients), adding and removing, and the cap. */
@Tag("integration")
class PresenceIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    // each test watches its own people, so a late "offline" of an earlier test cannot reach the next one
    private static long bob;
    private static long carol;
    private static long erin;
    private static long frank;
    private static long gina;
    private static long hank;

    @BeforeAll
    static void users() throws Exception {
        server.createUser("alice");
        bob = server.createUser("bob").id().value();
        carol = server.createUser("carol").id().value();
        erin = server.createUser("erin").id().value();
        frank = server.createUser("frank").id().value();
        gina = server.createUser("gina").id().value();
        hank = server.createUser("hank").id().value();
    }

    private final List<TestDevice> devices = new ArrayList<>();

    @AfterEach
    void closeDevices() throws IOException {
        for (TestDevice d : devices) {
            d.close();
        }
    }

    private TestDevice login(String account) throws IOException {
        TestDevice d = server.loggedIn(account);
        devices.add(d);
        return d;
    }

    @Test
    void addedUsersArePushedAlongsideTheReplacedSetAndRemovedOnesAreNot() throws Exception {
        TestDevice alice = login("alice");
        Envelope first = alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_UNSPECIFIED, bob));
        assertThat(states(first.getPresenceSnapshot().getUsersList())).isEqualTo(Map.of(bob, offline()));
        Envelope added = alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, carol, bob));
        assertThat(states(added.getPresenceSnapshot().getUsersList()))
                .isEqualTo(Map.of(carol, offline(), bob, offline()));

        TestDevice b = login("bob");
        assertThat(nextUpdate(alice)).isEqualTo(Map.of(bob, Presence.PRESENCE_ONLINE));
        TestDevice c = login("carol");
        assertThat(nextUpdate(alice)).isEqualTo(Map.of(carol, Presence.PRESENCE_ONLINE));

        Envelope removed = alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_REMOVE, bob));
        assertThat(removed.getPresenceSnapshot().getUsersList()).isEmpty();
        TestDevice witness = login("alice");
        witness.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, bob));
        b.close();
        assertThat(nextUpdate(witness)).isEqualTo(Map.of(bob, offline()));
        c.close();

        // bob went offline before carol, but alice no longer watches him: her next update is carol's
        assertThat(nextUpdate(alice)).isEqualTo(Map.of(carol, offline()));
    }

    @Test
    void aReplaceDropsWhatWasAdded() throws Exception {
        TestDevice alice = login("alice");
        alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, erin));
        alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_REPLACE, frank));
        login("erin");
        login("frank");

        assertThat(nextUpdate(alice)).isEqualTo(Map.of(frank, Presence.PRESENCE_ONLINE));
    }

    @Test
    void anAddBeyondFiveThousandUsersIsRefusedAndChangesNothing() throws Exception {
        TestDevice alice = login("alice");
        SubscribePresenceRequest.Builder many =
                SubscribePresenceRequest.newBuilder().setChange(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD);
        LongStream.rangeClosed(1_000_001, 1_004_999).forEach(many::addUserIds);
        assertThat(alice.request(Envelope.newBuilder().setSubscribePresence(many))
                        .getPresenceSnapshot()
                        .getUsersCount())
                .isEqualTo(4_999);

        Envelope full = alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, gina, hank));
        assertThat(full.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_TOO_LARGE);
        assertThat(full.getError().getDetail()).contains("5000");

        Envelope one = alice.request(subscribe(SubscriptionChange.SUBSCRIPTION_CHANGE_ADD, hank));
        assertThat(one.hasPresenceSnapshot()).as("reply %s", one).isTrue();
        login("gina");
        login("hank");
        assertThat(nextUpdate(alice)).isEqualTo(Map.of(hank, Presence.PRESENCE_ONLINE));
    }

    private static Envelope.Builder subscribe(SubscriptionChange change, long... users) {
        SubscribePresenceRequest.Builder request =
                SubscribePresenceRequest.newBuilder().setChange(change);
        for (long u : users) {
            request.addUserIds(u);
        }
        return Envelope.newBuilder().setSubscribePresence(request);
    }

    private static Map<Long, Presence> nextUpdate(TestDevice device) throws InterruptedException {
        Envelope push = Objects.requireNonNull(device.awaitPush(Envelope::hasPresenceUpdate), "no presence update");
        PresenceUpdate update = push.getPresenceUpdate();
        return states(update.getUsersList());
    }

    private static Map<Long, Presence> states(List<UserPresence> users) {
        return users.stream().collect(Collectors.toMap(UserPresence::getUserId, UserPresence::getPresence));
    }

    private static Presence offline() {
        return Presence.PRESENCE_OFFLINE;
    }
}
