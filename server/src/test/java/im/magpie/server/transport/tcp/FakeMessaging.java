package im.magpie.server.transport.tcp;

import im.magpie.server.account.UserId;
import im.magpie.server.messaging.Change;
import im.magpie.server.messaging.ClientMessageId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.ConversationKind;
import im.magpie.server.messaging.ConversationNotFoundException;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.HistoryPage;
import im.magpie.server.messaging.LogEntry;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MemberRole;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.messaging.NotAMemberException;
import im.magpie.server.messaging.OutgoingMessage;
import im.magpie.server.messaging.ReadReceipts;
import im.magpie.server.messaging.SendReceipt;
import im.magpie.server.messaging.SyncPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Conversation 7 is alice's and bob's; 8 is one alice left (NOT_A_MEMBER); 13 fails unexpectedly;
 * everything else does not exist for the caller. Sends can be held back to test async replies.
 */
final class FakeMessaging implements MessagingService {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final UUID CLIENT_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    final List<OutgoingMessage> sent = new ArrayList<>();
    CompletableFuture<SendReceipt> nextSend = new CompletableFuture<>();
    boolean holdSends;
    private long seq;

    @Override
    public CompletableFuture<SendReceipt> send(UserId sender, OutgoingMessage message) {
        try {
            check(message.conversation());
        } catch (MessagingException e) {
            return CompletableFuture.failedFuture(e);
        }
        sent.add(message);
        SendReceipt receipt = new SendReceipt(message.conversation(), ++seq, NOW);
        if (holdSends) {
            return nextSend;
        }
        return CompletableFuture.completedFuture(receipt);
    }

    @Override
    public long recall(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        check(conversation);
        return seq + 1;
    }

    @Override
    public void markRead(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        check(conversation);
    }

    @Override
    public ReadReceipts readReceipts(UserId caller, ConversationId conversation, long seq) throws MessagingException {
        check(conversation);
        return new ReadReceipts(List.of(new UserId(2)), List.of());
    }

    @Override
    public SyncPage sync(UserId caller, byte[] cursor, int limit) {
        LogEntry entry = new LogEntry(
                new ConversationId(7),
                1,
                caller,
                NOW,
                new Change.MessagePosted(
                        new ClientMessageId(CLIENT_ID), TcpFixture.text("hi").toByteArray(), false));
        return new SyncPage(List.of(entry), List.of(state(7)), new byte[] {1, 2, 3}, false);
    }

    @Override
    public HistoryPage history(UserId caller, ConversationId conversation, long beforeSeq, int limit)
            throws MessagingException {
        check(conversation);
        return new HistoryPage(List.of(), false);
    }

    static ConversationState state(long id) {
        return new ConversationState(
                new ConversationId(id),
                ConversationKind.DIRECT,
                "",
                List.of(
                        new Member(new UserId(1), MemberRole.MEMBER, 0),
                        new Member(new UserId(2), MemberRole.MEMBER, 0)),
                1,
                true);
    }

    private static void check(ConversationId conversation) throws MessagingException {
        if (conversation.value() == 13) {
            throw new IllegalStateException("database on fire");
        }
        if (conversation.value() == 8) {
            throw new NotAMemberException("left conversation 8");
        }
        if (conversation.value() != 7) {
            throw new ConversationNotFoundException("no conversation " + conversation.value());
        }
    }
}
