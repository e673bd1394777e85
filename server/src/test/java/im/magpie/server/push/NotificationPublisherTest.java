package im.magpie.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Envelope;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.session.DeviceId;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationPublisherTest {
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final DeviceConnections connections = new DeviceConnections();
    private final NotificationPublisher publisher = new NotificationPublisher(connections);
    private final EmbeddedChannel alicePhone = connect(ALICE, "phone");
    private final EmbeddedChannel aliceLaptop = connect(ALICE, "laptop");
    private final EmbeddedChannel bobPhone = connect(BOB, "phone");

    @AfterEach
    void close() {
        alicePhone.finishAndReleaseAll();
        aliceLaptop.finishAndReleaseAll();
        bobPhone.finishAndReleaseAll();
    }

    @Test
    void coalescesABurstIntoOneNotificationWithTheHighestSeqs() {
        publisher.conversationAdvanced(new ConversationId(7), 1, List.of(ALICE, BOB));
        publisher.conversationAdvanced(new ConversationId(7), 3, List.of(ALICE, BOB));
        publisher.conversationAdvanced(new ConversationId(7), 2, List.of(ALICE, BOB));
        publisher.conversationAdvanced(new ConversationId(9), 5, List.of(ALICE));
        assertThat(outbound(alicePhone))
                .as("nothing written before the event loop runs")
                .isNull();

        alicePhone.runPendingTasks();

        Envelope frame = alicePhone.readOutbound();
        assertThat(frame.getRequestId()).isZero();
        assertThat(frame.getNotification().getConversationsList())
                .extracting(ConversationAdvanced::getConversationId, ConversationAdvanced::getSeq)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(7L, 3L), org.assertj.core.groups.Tuple.tuple(9L, 5L));
        assertThat(outbound(alicePhone)).as("one frame only").isNull();
    }

    @Test
    void notifiesEveryDeviceOfTheAudienceOnly() {
        publisher.conversationAdvanced(new ConversationId(9), 5, List.of(ALICE));
        alicePhone.runPendingTasks();
        aliceLaptop.runPendingTasks();
        bobPhone.runPendingTasks();

        assertThat(outbound(alicePhone)).isNotNull();
        assertThat(outbound(aliceLaptop)).isNotNull();
        assertThat(outbound(bobPhone)).isNull();
    }

    @Test
    void sendsANewNotificationForChangesAfterAFlush() {
        publisher.conversationAdvanced(new ConversationId(7), 1, List.of(BOB));
        bobPhone.runPendingTasks();
        publisher.conversationAdvanced(new ConversationId(7), 2, List.of(BOB));
        bobPhone.runPendingTasks();

        Envelope first = bobPhone.readOutbound();
        Envelope second = bobPhone.readOutbound();
        assertThat(first.getNotification().getConversations(0).getSeq()).isEqualTo(1);
        assertThat(second.getNotification().getConversations(0).getSeq()).isEqualTo(2);
    }

    @Test
    void kicksWithAReasonThenCloses() {
        int kicked = new PushService(connections).kick(ALICE, "kicked by administrator");
        alicePhone.runPendingTasks();

        assertThat(kicked).isEqualTo(2);
        Envelope frame = alicePhone.readOutbound();
        assertThat(frame.getKicked().getReason()).isEqualTo("kicked by administrator");
        assertThat(alicePhone.isActive()).isFalse();
        assertThat(bobPhone.isActive()).isTrue();
    }

    @Test
    void forgetsAnUnregisteredConnection() {
        DeviceConnection connection = connections.of(BOB, new DeviceId("phone")).orElseThrow();
        connections.unregister(connection);

        assertThat(connections.of(BOB)).isEmpty();
        assertThat(new PushService(connections).online())
                .extracting(OnlineDevice::user)
                .containsOnly(ALICE);
    }

    private static @org.jspecify.annotations.Nullable Object outbound(EmbeddedChannel channel) {
        return channel.readOutbound();
    }

    private EmbeddedChannel connect(UserId user, String device) {
        EmbeddedChannel channel = new EmbeddedChannel();
        connections.register(new DeviceConnection(
                new OnlineDevice(user, new DeviceId(device), "cli", "127.0.0.1", Instant.EPOCH), channel));
        return channel;
    }
}
