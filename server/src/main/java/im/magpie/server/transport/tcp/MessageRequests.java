package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Ack;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.HistoryRequest;
import im.magpie.protocol.v1.HistoryResponse;
import im.magpie.protocol.v1.ReadReceiptsResponse;
import im.magpie.protocol.v1.SendMessageResponse;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.protocol.v1.SyncResponse;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationId;
import im.magpie.server.messaging.HistoryPage;
import im.magpie.server.messaging.InvalidRequestException;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.messaging.MessagingService;
import im.magpie.server.messaging.ReadReceipts;
import im.magpie.server.messaging.SyncPage;
import java.util.concurrent.CompletableFuture;

/** Message requests of a logged-in connection: send, recall, read marks and receipts, sync, history. */
final class MessageRequests {
    static final int MAX_CURSOR_BYTES = 1024;

    private final MessagingService messaging;

    MessageRequests(MessagingService messaging) {
        this.messaging = messaging;
    }

    CompletableFuture<Envelope.Builder> send(UserId user, Envelope request)
            throws InvalidRequestException, MessageTooLargeException {
        return messaging
                .send(user, OutgoingMessages.from(request.getSendMessage()))
                .thenApply(receipt -> Envelope.newBuilder()
                        .setSendMessageResult(SendMessageResponse.newBuilder()
                                .setConversationId(receipt.conversation().value())
                                .setSeq(receipt.seq())
                                .setServerTimeMs(receipt.serverTime().toEpochMilli())));
    }

    Envelope.Builder handle(UserId user, Envelope request, Envelope.Builder reply) throws MessagingException {
        switch (request.getBodyCase()) {
            case RECALL_MESSAGE -> {
                messaging.recall(
                        user,
                        conversation(request.getRecallMessage().getConversationId()),
                        seq(request.getRecallMessage().getSeq()));
                reply.setAck(Ack.getDefaultInstance());
            }
            case MARK_READ -> {
                messaging.markRead(
                        user,
                        conversation(request.getMarkRead().getConversationId()),
                        seq(request.getMarkRead().getSeq()));
                reply.setAck(Ack.getDefaultInstance());
            }
            case READ_RECEIPTS -> {
                ReadReceipts receipts = messaging.readReceipts(
                        user,
                        conversation(request.getReadReceipts().getConversationId()),
                        seq(request.getReadReceipts().getSeq()));
                ReadReceiptsResponse.Builder proto = ReadReceiptsResponse.newBuilder();
                receipts.read().forEach(u -> proto.addReadUserIds(u.value()));
                receipts.unread().forEach(u -> proto.addUnreadUserIds(u.value()));
                reply.setReadReceiptsResult(proto);
            }
            case SYNC -> reply.setSyncResult(sync(user, request.getSync()));
            case HISTORY -> reply.setHistoryResult(history(user, request.getHistory()));
            default -> throw new IllegalArgumentException("not a message request: " + request.getBodyCase());
        }
        return reply;
    }

    private SyncResponse sync(UserId user, SyncRequest request) throws MessagingException {
        int limit = limit(request.getLimit(), 500, 1000);
        if (request.getCursor().size() > MAX_CURSOR_BYTES) {
            throw new InvalidRequestException("malformed cursor");
        }
        SyncPage page = messaging.sync(user, request.getCursor().toByteArray(), limit);
        SyncResponse.Builder proto = SyncResponse.newBuilder()
                .setNextCursor(com.google.protobuf.ByteString.copyFrom(page.nextCursor()))
                .setHasMore(page.hasMore());
        page.entries().forEach(e -> proto.addEntries(ProtoMapper.entry(e)));
        page.conversations().forEach(c -> proto.addConversations(ProtoMapper.state(c)));
        return proto.build();
    }

    private HistoryResponse history(UserId user, HistoryRequest request) throws MessagingException {
        int limit = limit(request.getLimit(), 50, 200);
        HistoryPage page =
                messaging.history(user, conversation(request.getConversationId()), seq(request.getBeforeSeq()), limit);
        HistoryResponse.Builder proto = HistoryResponse.newBuilder().setHasMore(page.hasMore());
        page.entries().forEach(e -> proto.addEntries(ProtoMapper.entry(e)));
        return proto.build();
    }

    static int limit(int requested, int fallback, int max) throws InvalidRequestException {
        if (requested == 0) {
            return fallback;
        }
        if (requested < 0 || requested > max) {
            throw new InvalidRequestException("limit must be in 1.." + max);
        }
        return requested;
    }

    static ConversationId conversation(long id) throws InvalidRequestException {
        if (id <= 0) {
            throw new InvalidRequestException("conversation_id is missing");
        }
        return new ConversationId(id);
    }

    static long seq(long seq) throws InvalidRequestException {
        if (seq < 0) {
            throw new InvalidRequestException("seq out of range");
        }
        return seq;
    }
}
