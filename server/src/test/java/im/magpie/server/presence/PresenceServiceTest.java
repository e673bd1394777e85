package im.magpie.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {
    private static final UserId BOB = new UserId(2);
    private final PresenceService presence = new PresenceService();
    private final List<Map<UserId, PresenceState>> received = new ArrayList<>();
    private final PresenceSubscriber subscriber = received::add;

    @Test
    void userPresenceIsTheBestOfItsDevices() {
        assertThat(presence.presenceOf(BOB)).isEqualTo(PresenceState.OFFLINE);
        presence.setDevice(BOB, new DeviceId("phone"), PresenceState.AWAY);
        assertThat(presence.presenceOf(BOB)).isEqualTo(PresenceState.AWAY);
        presence.setDevice(BOB, new DeviceId("laptop"), PresenceState.ONLINE);
        assertThat(presence.presenceOf(BOB)).isEqualTo(PresenceState.ONLINE);
        presence.deviceOffline(BOB, new DeviceId("laptop"));
        assertThat(presence.presenceOf(BOB)).isEqualTo(PresenceState.AWAY);
        presence.deviceOffline(BOB, new DeviceId("phone"));
        assertThat(presence.presenceOf(BOB)).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void pushesOnlyChangesOfTheUserPresenceToSubscribers() {
        assertThat(presence.subscribe(subscriber, List.of(BOB))).containsEntry(BOB, PresenceState.OFFLINE);

        presence.setDevice(BOB, new DeviceId("phone"), PresenceState.ONLINE);
        presence.setDevice(BOB, new DeviceId("laptop"), PresenceState.ONLINE);
        presence.deviceOffline(BOB, new DeviceId("phone"));
        presence.deviceOffline(BOB, new DeviceId("laptop"));

        assertThat(received).containsExactly(Map.of(BOB, PresenceState.ONLINE), Map.of(BOB, PresenceState.OFFLINE));
    }

    @Test
    void aNewSubscriptionReplacesTheOld() {
        presence.subscribe(subscriber, List.of(BOB));
        presence.subscribe(subscriber, List.of(new UserId(3)));

        presence.setDevice(BOB, new DeviceId("phone"), PresenceState.ONLINE);

        assertThat(received).isEmpty();
    }

    @Test
    void refusesMoreThanFiveThousandUsers() {
        List<UserId> many =
                LongStream.rangeClosed(1, 5_001).mapToObj(UserId::new).toList();

        assertThatThrownBy(() -> presence.subscribe(subscriber, many)).isInstanceOf(IllegalArgumentException.class);
        assertThat(presence.subscribe(subscriber, many.subList(0, 5_000))).hasSize(5_000);
    }

    @Test
    void addedUsersJoinTheSetAndRemovedOnesLeaveIt() throws SubscriptionFullException {
        UserId carol = new UserId(3);
        presence.subscribe(subscriber, List.of(BOB));
        assertThat(presence.add(subscriber, List.of(carol, BOB)))
                .containsOnlyKeys(carol, BOB)
                .containsEntry(carol, PresenceState.OFFLINE);
        assertThat(presence.watchedBy(subscriber)).isEqualTo(2);

        presence.remove(subscriber, List.of(BOB, new UserId(99)));
        presence.setDevice(BOB, new DeviceId("phone"), PresenceState.ONLINE);
        presence.setDevice(carol, new DeviceId("phone"), PresenceState.ONLINE);

        assertThat(received).containsExactly(Map.of(carol, PresenceState.ONLINE));
        assertThat(presence.watchedBy(subscriber)).isEqualTo(1);
    }

    @Test
    void anAddBeyondFiveThousandUsersFailsAndChangesNothing() throws SubscriptionFullException {
        List<UserId> many =
                LongStream.rangeClosed(1, 4_999).mapToObj(UserId::new).toList();
        presence.add(subscriber, many);
        presence.add(subscriber, List.of(new UserId(1), new UserId(5_000)));

        assertThatThrownBy(() -> presence.add(subscriber, List.of(new UserId(5_001), new UserId(5_002))))
                .isInstanceOf(SubscriptionFullException.class)
                .hasMessageContaining("5000");
        assertThat(presence.watchedBy(subscriber)).isEqualTo(5_000);
        presence.setDevice(new UserId(5_001), new DeviceId("phone"), PresenceState.ONLINE);
        assertThat(received).isEmpty();
    }
}
