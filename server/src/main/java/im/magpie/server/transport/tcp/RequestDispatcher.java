package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Ack;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.PresenceSnapshot;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.presence.PresenceState;
import im.magpie.server.presence.SubscriptionFullException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * Last handler of an authenticated connection: turns each request frame into one service call and
 * the outcome into one reply frame with the same request id.
 *
 * <p>Services block on the database, so calls run on {@code ordered}, a single-threaded executor
 * (one of a small group, shared with other connections): never on the I/O event loop, and in the order the device sent them.
 * A send is the exception: it only validates and joins the log writer's queue, so when nothing of this
 * connection is queued on {@code ordered} it goes from the event loop (no hop, same order). A send completes later
 * (after its commit); its reply is written when the future completes, with the notification of the same commit.
 */
public final class RequestDispatcher extends SimpleChannelInboundHandler<Envelope> {
    private static final AtomicIntegerFieldUpdater<RequestDispatcher> QUEUED =
            AtomicIntegerFieldUpdater.newUpdater(RequestDispatcher.class, "queued");
    private final GatewayDependencies deps;
    private final ConnectionSession connection;
    private final Executor ordered;
    private final MessageRequests messages;
    private final ConversationRequests conversations;
    private final DirectoryRequests directory;
    private final ErrorMapper errors = new ErrorMapper();
    /** The codec's frame encoder, below which a {@link PongFrame} is written (found once, not per heartbeat). */
    private @Nullable ChannelHandlerContext belowCodec;
    /** Tasks of this connection queued on or running on {@code ordered}; incremented on the event loop only. */
    private volatile int queued;

    RequestDispatcher(GatewayDependencies deps, ConnectionSession connection, Executor ordered) {
        this.deps = deps;
        this.connection = connection;
        this.ordered = ordered;
        this.messages = new MessageRequests(deps.messaging());
        this.conversations = new ConversationRequests(deps.conversations(), deps.accounts());
        this.directory = new DirectoryRequests(deps.accounts());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        belowCodec = Objects.requireNonNull(
                ctx.pipeline().context(LengthFieldPrepender.class), "the gateway pipeline frames its writes");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope request) {
        switch (request.getBodyCase()) {
            case PING -> pong(ctx, request.getRequestId());
            case SUBSCRIBE_PRESENCE -> subscribe(request);
            case SET_PRESENCE -> setPresence(request);
            case LOGOUT -> inOrder(() -> logout(request));
            case HELLO, LOGIN -> reply(request, error(ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST, "already logged in"));
            case SEND_MESSAGE -> {
                if (queued == 0) {
                    // validation and a queue offer: nothing blocks, and nothing of this connection is queued before it
                    dispatch(request);
                } else {
                    inOrder(() -> dispatch(request));
                }
            }
            default -> inOrder(() -> dispatch(request));
        }
    }

    /** Runs the task on {@code ordered} after this connection's earlier tasks, counting it while it is queued or runs. */
    private void inOrder(Runnable task) {
        QUEUED.incrementAndGet(this);
        ordered.execute(() -> {
            try {
                task.run();
            } finally {
                QUEUED.decrementAndGet(this);
            }
        });
    }

    /**
     * Answers a heartbeat on the event loop with a {@link PongFrame} written below the codec (it is a whole frame
     * already) and without a promise to notify: a failed write reaches {@link ConnectionExceptionHandler}, which
     * closes the connection.
     */
    private void pong(ChannelHandlerContext ctx, long requestId) {
        ChannelHandlerContext frames = Objects.requireNonNull(belowCodec, "added to the pipeline");
        ChannelFuture unused = frames.writeAndFlush(
                PongFrame.encode(ctx.alloc(), requestId, deps.clock().millis()), frames.voidPromise());
    }

    private void dispatch(Envelope request) {
        CompletableFuture<Void> unused = process(request)
                .thenAccept(reply -> reply(request, reply))
                .exceptionally(failure -> {
                    reply(request, Envelope.newBuilder().setError(errors.map(failure, context(request))));
                    return null;
                });
    }

    private CompletableFuture<Envelope.Builder> process(Envelope request) {
        UserId user = connection.user();
        try {
            return switch (request.getBodyCase()) {
                case SEND_MESSAGE -> messages.send(user, request);
                case RECALL_MESSAGE, MARK_READ, READ_RECEIPTS, SYNC, HISTORY ->
                    CompletableFuture.completedFuture(messages.handle(user, request, Envelope.newBuilder()));
                case OPEN_DIRECT,
                        OPEN_SELF,
                        CREATE_GROUP,
                        RENAME_GROUP,
                        ADD_MEMBERS,
                        REMOVE_MEMBER,
                        LEAVE_GROUP,
                        SET_MEMBER_ROLE,
                        SET_CONVERSATION_SETTINGS,
                        LOOKUP_USERS ->
                    CompletableFuture.completedFuture(conversations.handle(user, request, Envelope.newBuilder()));
                case LIST_DIRECTORY, SET_SIGNATURE ->
                    CompletableFuture.completedFuture(directory.handle(user, request, Envelope.newBuilder()));
                default ->
                    CompletableFuture.completedFuture(
                            error(ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST, "not a request: " + request.getBodyCase()));
            };
        } catch (MessagingException
                | MessageTooLargeException
                | im.magpie.server.account.UnknownAccountException
                | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void subscribe(Envelope request) {
        SubscribePresenceRequest sub = request.getSubscribePresence();
        List<UserId> ids = sub.getUserIdsList().stream().map(UserId::new).toList();
        if (ids.size() > PresenceService.MAX_SUBSCRIPTION) {
            reply(request, error(ErrorCode.ERROR_CODE_BAD_REQUEST, "at most 5,000 users"));
            return;
        }
        Map<UserId, PresenceState> snapshot;
        switch (sub.getChange()) {
            case SUBSCRIPTION_CHANGE_UNSPECIFIED, SUBSCRIPTION_CHANGE_REPLACE ->
                snapshot = deps.presence().subscribe(connection, ids);
            case SUBSCRIPTION_CHANGE_ADD -> {
                try {
                    snapshot = deps.presence().add(connection, ids);
                } catch (SubscriptionFullException e) {
                    reply(request, error(ErrorCode.ERROR_CODE_TOO_LARGE, String.valueOf(e.getMessage())));
                    return;
                }
            }
            case SUBSCRIPTION_CHANGE_REMOVE -> {
                deps.presence().remove(connection, ids);
                snapshot = Map.of();
            }
            default -> {
                reply(request, error(ErrorCode.ERROR_CODE_BAD_REQUEST, "unknown subscription change"));
                return;
            }
        }
        PresenceSnapshot.Builder proto = PresenceSnapshot.newBuilder();
        snapshot.forEach((user, state) -> proto.addUsers(PresenceMapper.toProto(user, state)));
        reply(request, Envelope.newBuilder().setPresenceSnapshot(proto));
    }

    private void setPresence(Envelope request) {
        PresenceState state = PresenceMapper.settable(request.getSetPresence().getPresence());
        if (state == null) {
            reply(request, error(ErrorCode.ERROR_CODE_BAD_REQUEST, "presence must be ONLINE or AWAY"));
            return;
        }
        deps.presence().setDevice(connection.user(), connection.session().device(), state);
        reply(request, Envelope.newBuilder().setAck(Ack.getDefaultInstance()));
    }

    private void logout(Envelope request) {
        deps.sessions().logout(connection.session().token());
        connection
                .channel()
                .writeAndFlush(Envelope.newBuilder()
                        .setRequestId(request.getRequestId())
                        .setAck(Ack.getDefaultInstance())
                        .build())
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void reply(Envelope request, Envelope.Builder reply) {
        connection.reply(reply.setRequestId(request.getRequestId()).build());
    }

    private static Envelope.Builder error(ErrorCode code, String detail) {
        return Envelope.newBuilder()
                .setError(im.magpie.protocol.v1.ErrorReply.newBuilder()
                        .setCode(code)
                        .setDetail(detail));
    }

    private String context(Envelope request) {
        return request.getBodyCase() + " #" + request.getRequestId() + " of user "
                + connection.user().value() + " device "
                + connection.session().device().value();
    }
}
