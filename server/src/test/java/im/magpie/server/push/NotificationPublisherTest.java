package im.magpie.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Ack;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.session.DeviceId;
import im.magpie.server.transport.tcp.ProtoMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationPublisherTest {
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final DeviceConnections connections = new DeviceConnections();
    private final NotificationPublisher publisher = new NotificationPublisher(connections, ProtoMapper::entry);
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
        publisher.conversationAdvanced(new ConversationId(7), 1, List.of(ALICE, BOB), List.of());
        publisher.conversationAdvanced(new ConversationId(7), 3, List.of(ALICE, BOB), List.of());
        publisher.conversationAdvanced(new ConversationId(7), 2, List.of(ALICE, BOB), List.of());
        publisher.conversationAdvanced(new ConversationId(9), 5, List.of(ALICE), List.of());
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
    void aReplyAndTheNotificationOfOneCommitLeaveTogetherReplyFirst() {
        DeviceConnection phone = connections.of(ALICE, new DeviceId("phone")).orElseThrow();
        Envelope reply = Envelope.newBuilder()
                .setRequestId(41)
                .setAck(Ack.getDefaultInstance())
                .build();

        publisher.deliverTogether(() -> {
            phone.reply(reply);
            alicePhone.runPendingTasks(); // an event loop that wakes at once finds nothing to write yet
            assertThat(outbound(alicePhone))
                    .as("held until the commit's effects are done")
                    .isNull();
            publisher.conversationAdvanced(new ConversationId(7), 1, List.of(ALICE), List.of());
        });
        alicePhone.runPendingTasks();

        assertThat((Envelope) alicePhone.readOutbound()).isEqualTo(reply);
        Envelope notification = alicePhone.readOutbound();
        assertThat(notification.getNotification().getConversations(0).getSeq()).isEqualTo(1);
        assertThat(outbound(alicePhone)).isNull();
    }

    @Test
    void aReplyOutsideACommitIsWrittenByTheNextEventLoopTurn() {
        DeviceConnection phone = connections.of(ALICE, new DeviceId("phone")).orElseThrow();
        Envelope reply = Envelope.newBuilder()
                .setRequestId(42)
                .setAck(Ack.getDefaultInstance())
                .build();

        phone.reply(reply);
        alicePhone.runPendingTasks();

        assertThat((Envelope) alicePhone.readOutbound()).isEqualTo(reply);
    }

    @Test
    void notifiesEveryDeviceOfTheAudienceOnly() {
        publisher.conversationAdvanced(new ConversationId(9), 5, List.of(ALICE), List.of());
        alicePhone.runPendingTasks();
        aliceLaptop.runPendingTasks();
        bobPhone.runPendingTasks();

        assertThat(outbound(alicePhone)).isNotNull();
        assertThat(outbound(aliceLaptop)).isNotNull();
        assertThat(outbound(bobPhone)).isNull();
    }

    @Test
    void sendsANewNotificationForChangesAfterAFlush() {
        publisher.conversationAdvanced(new ConversationId(7), 1, List.of(BOB), List.of());
        bobPhone.runPendingTasks();
        publisher.conversationAdvanced(new ConversationId(7), 2, List.of(BOB), List.of());
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

    @Test
    void carriesSmallMessagesInlineAcrossCoalescedCommits() throws Exception {
        publisher.conversationAdvanced(new ConversationId(7), 4, List.of(BOB), List.of(message(7, 4, "hi")));
        publisher.conversationAdvanced(
                new ConversationId(7), 6, List.of(BOB), List.of(message(7, 5, "there"), read(7, 6, 5)));
        bobPhone.runPendingTasks();

        // as the device reads it: the body travels as the stored bytes (ProtoMapper), parsed on arrival
        ConversationAdvanced advanced = Envelope.parseFrom(((Envelope) bobPhone.readOutbound()).toByteArray())
                .getNotification()
                .getConversations(0);
        assertThat(advanced.getSeq()).isEqualTo(6);
        assertThat(advanced.getEntriesList())
                .extracting(im.magpie.protocol.v1.LogEntry::getSeq)
                .containsExactly(4L, 5L, 6L);
        assertThat(advanced.getEntries(1).getMessage().getBody().getText().getText())
                .isEqualTo("there");
        assertThat(advanced.getEntries(2).getRead().getReadSeq()).isEqualTo(5);
    }

    @Test
    void sendsTheSeqAloneWhenAChangeMayNotTravelInline() {
        publisher.conversationAdvanced(new ConversationId(7), 4, List.of(BOB), List.of(message(7, 4, "hi")));
        publisher.conversationAdvanced(
                new ConversationId(7), 5, List.of(BOB), List.of(entry(7, 5, new Change.Renamed("new title"))));
        publisher.conversationAdvanced(new ConversationId(7), 6, List.of(BOB), List.of(message(7, 6, "after")));
        bobPhone.runPendingTasks();

        ConversationAdvanced advanced =
                ((Envelope) bobPhone.readOutbound()).getNotification().getConversations(0);
        assertThat(advanced.getSeq()).isEqualTo(6);
        assertThat(advanced.getEntriesList())
                .as("the device must sync to learn the rename")
                .isEmpty();
    }

    @Test
    void sendsTheSeqAloneAfterAGapOrBeyondTheBudget() {
        publisher.conversationAdvanced(new ConversationId(7), 4, List.of(BOB), List.of(message(7, 4, "hi")));
        publisher.conversationAdvanced(new ConversationId(7), 9, List.of(BOB), List.of(message(7, 9, "gap")));
        publisher.conversationAdvanced(
                new ConversationId(8), 1, List.of(BOB), List.of(message(8, 1, "x".repeat(20_000))));
        bobPhone.runPendingTasks();

        Envelope frame = bobPhone.readOutbound();
        assertThat(frame.getNotification().getConversationsList())
                .extracting(
                        ConversationAdvanced::getConversationId, ConversationAdvanced::getSeq, c -> c.getEntriesCount())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(7L, 9L, 0), org.assertj.core.groups.Tuple.tuple(8L, 1L, 0));
    }

    private static LogEntry message(long conversation, long seq, String text) {
        byte[] body = MessageBody.newBuilder()
                .setText(TextContent.newBuilder().setText(text))
                .build()
                .toByteArray();
        return entry(conversation, seq, new Change.MessagePosted(new ClientMessageId(UUID.randomUUID()), body, false));
    }

    private static LogEntry read(long conversation, long seq, long readSeq) {
        return entry(conversation, seq, new Change.ReadMarked(readSeq));
    }

    private static LogEntry entry(long conversation, long seq, Change change) {
        return new LogEntry(new ConversationId(conversation), seq, ALICE, Instant.EPOCH, change);
    }

    private static @org.jspecify.annotations.Nullable Object outbound(EmbeddedChannel channel) {
        return channel.readOutbound();
    }

    private EmbeddedChannel connect(UserId user, String device) {
        EmbeddedChannel channel = new EmbeddedChannel();
        connections.register(new DeviceConnection(
                new OnlineDevice(user, new DeviceId(device), "cli", "127.0.0.1", Instant.EPOCH), channel, connections));
        return channel;
    }
}
