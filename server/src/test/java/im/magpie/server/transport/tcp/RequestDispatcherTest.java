package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.FolderContent;
import im.magpie.protocol.v1.FolderEntry;
import im.magpie.protocol.v1.HistoryRequest;
import im.magpie.protocol.v1.Logout;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.OpenDirectRequest;
import im.magpie.protocol.v1.Ping;
import im.magpie.protocol.v1.Presence;
import im.magpie.protocol.v1.RecallMessageRequest;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SetPresenceRequest;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.SendReceipt;
import im.magpie.server.presence.PresenceState;
import im.magpie.server.session.DeviceId;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
    private static final String CLIENT_ID = FakeMessaging.CLIENT_ID.toString();
    private static final String UUID_2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private final TcpFixture tcp = new TcpFixture();
    private String token = "";

    @BeforeEach
    void login() {
        token = tcp.loggedInAsAlice().getLoginResult().getToken();
    }

    @AfterEach
    void close() {
        tcp.close();
    }

    @Test
    void answersPingWithPong() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(10)
                .setPing(Ping.getDefaultInstance())
                .build());

        Envelope pong = tcp.reply();
        assertThat(pong.getRequestId()).isEqualTo(10);
        assertThat(pong.getPong().getServerTimeMs()).isEqualTo(FakeMessaging.NOW.toEpochMilli());
    }

    @Test
    void sendsATextMessageWithItsFacts() {
        MessageBody body =
                TcpFixture.text("hello").toBuilder().addMentionUserIds(2).build();
        tcp.send(send(11, 7, CLIENT_ID, body));

        Envelope reply = tcp.reply();
        assertThat(reply.getRequestId()).isEqualTo(11);
        assertThat(reply.getSendMessageResult().getSeq()).isEqualTo(1);
        assertThat(reply.getSendMessageResult().getConversationId()).isEqualTo(7);
        assertThat(tcp.messaging.sent).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(body.toByteArray());
            assertThat(m.clientId().value()).isEqualTo(FakeMessaging.CLIENT_ID);
            assertThat(m.facts().mentions()).containsExactly(new UserId(2));
        });
    }

    @Test
    void writesTheSendReplyOnlyWhenTheCommitCompletes() {
        tcp.messaging.holdSends = true;
        tcp.send(send(12, 7, CLIENT_ID, TcpFixture.text("later")));
        assertThat(tcp.poll()).isNull();

        tcp.messaging.nextSend.complete(new SendReceipt(new ConversationId(7), 42, FakeMessaging.NOW));
        tcp.channel.runPendingTasks();

        assertThat(tcp.reply().getSendMessageResult().getSeq()).isEqualTo(42);
    }

    @Test
    void aSendWithNothingOfTheConnectionQueuedGoesStraightFromTheEventLoop() {
        tcp.sessions.holdLogins = true; // holds every task given to the connection's ordered executor

        tcp.send(send(14, 7, CLIENT_ID, TcpFixture.text("now")));

        assertThat(tcp.messaging.sent).as("submitted without the executor").hasSize(1);
        assertThat(tcp.reply().getSendMessageResult().getSeq()).isEqualTo(1);
    }

    @Test
    void aSendWaitsForTheConnectionsEarlierRequestsOnTheExecutor() {
        tcp.sessions.holdLogins = true;
        tcp.send(Envelope.newBuilder()
                .setRequestId(15)
                .setSync(SyncRequest.getDefaultInstance())
                .build());
        tcp.send(send(16, 7, CLIENT_ID, TcpFixture.text("after the sync")));
        assertThat(tcp.messaging.sent).as("queued behind the sync").isEmpty();

        tcp.sessions.releaseLogins();
        tcp.channel.runPendingTasks();

        assertThat(tcp.messaging.sent).hasSize(1);
        assertThat(tcp.reply().getRequestId()).isEqualTo(15);
        assertThat(tcp.reply().getRequestId()).isEqualTo(16);
        tcp.sessions.holdLogins = true;
        tcp.send(send(17, 7, UUID_2, TcpFixture.text("nothing queued any more")));
        assertThat(tcp.messaging.sent)
                .as("straight again once the queue is empty")
                .hasSize(2);
    }

    @Test
    void collectsEveryFileIdOfAFolder() {
        MessageBody folder = MessageBody.newBuilder()
                .setFolder(FolderContent.newBuilder()
                        .setName("photos")
                        .addEntries(entry("a/1.png", "f1"))
                        .addEntries(entry("b/2.png", "f2")))
                .build();
        tcp.send(send(13, 7, CLIENT_ID, folder));

        assertThat(tcp.reply().hasSendMessageResult()).isTrue();
        assertThat(tcp.messaging.sent.get(0).facts().fileIds()).containsExactly("f1", "f2");
    }

    @Test
    void rejectsMalformedMessagesWithBadRequest() {
        tcp.send(send(20, 7, "not-a-uuid", TcpFixture.text("x")));
        tcp.assertError(tcp.reply(), 20, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(send(21, 7, CLIENT_ID, TcpFixture.text("x".repeat(8_001))));
        tcp.assertError(tcp.reply(), 21, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(send(22, 7, CLIENT_ID, MessageBody.getDefaultInstance()));
        tcp.assertError(tcp.reply(), 22, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(send(23, 7, CLIENT_ID, file("../etc/passwd")));
        tcp.assertError(tcp.reply(), 23, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(send(24, 7, CLIENT_ID, file("a\u0007b")));
        tcp.assertError(tcp.reply(), 24, ErrorCode.ERROR_CODE_BAD_REQUEST);
        MessageBody escaping = MessageBody.newBuilder()
                .setFolder(FolderContent.newBuilder().setName("x").addEntries(entry("a/../../b", "f1")))
                .build();
        tcp.send(send(25, 7, CLIENT_ID, escaping));
        tcp.assertError(tcp.reply(), 25, ErrorCode.ERROR_CODE_BAD_REQUEST);

        assertThat(tcp.messaging.sent).isEmpty();
        assertThat(tcp.channel.isActive()).isTrue();
    }

    @Test
    void acceptsExactlyEightThousandCharacters() {
        tcp.send(send(26, 7, CLIENT_ID, TcpFixture.text("字".repeat(8_000))));

        assertThat(tcp.reply().hasSendMessageResult()).isTrue();
    }

    @Test
    void answersAStrangerNotFoundAndAFormerMemberNotAMember() {
        tcp.send(send(30, 99, CLIENT_ID, TcpFixture.text("x")));
        tcp.assertError(tcp.reply(), 30, ErrorCode.ERROR_CODE_NOT_FOUND);
        tcp.send(Envelope.newBuilder()
                .setRequestId(31)
                .setRecallMessage(
                        RecallMessageRequest.newBuilder().setConversationId(8).setSeq(1))
                .build());
        tcp.assertError(tcp.reply(), 31, ErrorCode.ERROR_CODE_NOT_A_MEMBER);
    }

    @Test
    void turnsUnexpectedFailuresIntoInternalWithAnErrorId() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(32)
                .setHistory(HistoryRequest.newBuilder().setConversationId(13))
                .build());

        Envelope reply = tcp.reply();
        tcp.assertError(reply, 32, ErrorCode.ERROR_CODE_INTERNAL);
        assertThat(reply.getError().getDetail()).matches("error id [0-9a-f-]{36}");
        assertThat(reply.getError().getDetail()).doesNotContain("fire");
        assertThat(tcp.channel.isActive()).isTrue();
    }

    @Test
    void mapsSyncResultsToProto() throws Exception {
        tcp.send(Envelope.newBuilder()
                .setRequestId(33)
                .setSync(SyncRequest.getDefaultInstance())
                .build());

        Envelope reply = tcp.reply();
        assertThat(reply.getSyncResult().getEntriesList()).singleElement().satisfies(e -> {
            assertThat(e.getConversationId()).isEqualTo(7);
            assertThat(e.getMessage().getBody().getText().getText()).isEqualTo("hi");
            assertThat(e.getMessage().getClientMessageId()).isEqualTo(CLIENT_ID);
        });
        assertThat(reply.getSyncResult().getConversations(0).getMembersCount()).isEqualTo(2);
        assertThat(reply.getSyncResult().getNextCursor().toByteArray()).containsExactly(1, 2, 3);
        tcp.send(Envelope.newBuilder()
                .setRequestId(34)
                .setSync(SyncRequest.newBuilder().setLimit(1001))
                .build());
        tcp.assertError(tcp.reply(), 34, ErrorCode.ERROR_CODE_BAD_REQUEST);
    }

    @Test
    void opensADirectConversation() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(35)
                .setOpenDirect(OpenDirectRequest.newBuilder().setPeerUserId(2))
                .build());
        assertThat(tcp.reply().getConversationResult().getConversation().getConversationId())
                .isEqualTo(7);
        tcp.send(Envelope.newBuilder()
                .setRequestId(36)
                .setOpenDirect(OpenDirectRequest.newBuilder().setPeerUserId(77))
                .build());
        tcp.assertError(tcp.reply(), 36, ErrorCode.ERROR_CODE_NOT_FOUND);
    }

    @Test
    void subscribesToPresenceAndPushesChanges() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(40)
                .setSubscribePresence(SubscribePresenceRequest.newBuilder().addUserIds(2))
                .build());
        Envelope snapshot = tcp.reply();
        assertThat(snapshot.getPresenceSnapshot().getUsers(0).getPresence()).isEqualTo(Presence.PRESENCE_OFFLINE);

        tcp.presence.setDevice(new UserId(2), new DeviceId("bob-phone"), PresenceState.AWAY);
        tcp.channel.runPendingTasks();

        Envelope update = tcp.reply();
        assertThat(update.getRequestId()).isZero();
        assertThat(update.getPresenceUpdate().getUsers(0).getPresence()).isEqualTo(Presence.PRESENCE_AWAY);
    }

    @Test
    void limitsPresenceSubscriptionsAndStates() {
        SubscribePresenceRequest.Builder tooMany = SubscribePresenceRequest.newBuilder();
        LongStream.rangeClosed(1, 5_001).forEach(tooMany::addUserIds);
        tcp.send(Envelope.newBuilder()
                .setRequestId(41)
                .setSubscribePresence(tooMany)
                .build());
        tcp.assertError(tcp.reply(), 41, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(Envelope.newBuilder()
                .setRequestId(42)
                .setSetPresence(SetPresenceRequest.newBuilder().setPresence(Presence.PRESENCE_OFFLINE))
                .build());
        tcp.assertError(tcp.reply(), 42, ErrorCode.ERROR_CODE_BAD_REQUEST);
        tcp.send(Envelope.newBuilder()
                .setRequestId(43)
                .setSetPresence(SetPresenceRequest.newBuilder().setPresence(Presence.PRESENCE_AWAY))
                .build());
        assertThat(tcp.reply().hasAck()).isTrue();
        assertThat(tcp.presence.presenceOf(new UserId(1))).isEqualTo(PresenceState.AWAY);
    }

    @Test
    void logoutRevokesAcknowledgesAndCloses() {
        tcp.send(Envelope.newBuilder()
                .setRequestId(50)
                .setLogout(Logout.getDefaultInstance())
                .build());

        Envelope ack = tcp.reply();
        assertThat(ack.getRequestId()).isEqualTo(50);
        assertThat(ack.hasAck()).isTrue();
        assertThat(tcp.sessions.loggedOut).containsExactly(token);
        assertThat(tcp.channel.isActive()).isFalse();
    }

    @Test
    void closesAConnectionSilentForThreeToThreeAndAHalfHeartbeats() {
        tcp.channel.advanceTimeBy(3L * TcpFixture.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();
        assertThat(tcp.channel.isActive()).isTrue();

        tcp.channel.advanceTimeBy(TcpFixture.HEARTBEAT_SECONDS / 2, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();

        assertThat(tcp.channel.isActive()).isFalse();
        assertThat(tcp.exceptions.idleClosed()).isEqualTo(1);
    }

    @Test
    void keepsAConnectionThatPingsEveryHeartbeat() {
        for (int i = 1; i <= 10; i++) {
            tcp.channel.advanceTimeBy(TcpFixture.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
            tcp.channel.runScheduledPendingTasks();
            tcp.send(Envelope.newBuilder()
                    .setRequestId(100 + i)
                    .setPing(Ping.getDefaultInstance())
                    .build());
            assertThat(tcp.reply().hasPong()).isTrue();
        }
        tcp.channel.advanceTimeBy(3L * TcpFixture.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        tcp.channel.runScheduledPendingTasks();

        assertThat(tcp.channel.isActive()).isTrue();
        assertThat(tcp.exceptions.idleClosed()).isZero();
    }

    @Test
    void closesOnBytesThatAreNotAnEnvelope() {
        tcp.channel.writeInbound(
                io.netty.buffer.Unpooled.buffer().writeInt(3).writeBytes(new byte[] {(byte) 0xff, 1, 2}));

        assertThat(tcp.channel.isActive()).isFalse();
        assertThat(tcp.messaging.sent).isEmpty();
    }

    private static Envelope send(long requestId, long conversation, String clientId, MessageBody body) {
        return Envelope.newBuilder()
                .setRequestId(requestId)
                .setSendMessage(SendMessageRequest.newBuilder()
                        .setConversationId(conversation)
                        .setClientMessageId(clientId)
                        .setBody(body))
                .build();
    }

    private static MessageBody file(String name) {
        return MessageBody.newBuilder()
                .setFile(FileContent.newBuilder().setFileId("f1").setName(name))
                .build();
    }

    private static FolderEntry entry(String path, String fileId) {
        return FolderEntry.newBuilder()
                .setPath(path)
                .setFile(FileContent.newBuilder().setFileId(fileId).setName(path.substring(path.lastIndexOf('/') + 1)))
                .build();
    }
}
