package im.magpie.server.transport.tcp;

import im.magpie.protocol.Framing;
import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.Hello;
import im.magpie.protocol.v1.Welcome;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * First handler after the codec: the first frame must be {@code Hello} with a supported version,
 * within {@link ConnectionDeadlines#hello()} of the end of the TLS handshake. Replies {@code Welcome}
 * and hands over to {@link LoginHandler}; anything else gets an error reply and the connection
 * closes.
 */
public final class HandshakeHandler extends SimpleChannelInboundHandler<Envelope> {
    private final GatewayDependencies deps;
    private final Executor ordered;
    private @Nullable ScheduledFuture<?> timeout;

    public HandshakeHandler(GatewayDependencies deps, Executor ordered) {
        this.deps = deps;
        this.ordered = ordered;
    }

    /** The Hello deadline starts when the TLS handshake completes (the handshake has its own deadline). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
            startTimer(ctx);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope frame) {
        if (frame.getBodyCase() != Envelope.BodyCase.HELLO) {
            closeWith(
                    ctx,
                    frame.getRequestId(),
                    ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST,
                    "the first frame must be hello");
            return;
        }
        Hello hello = frame.getHello();
        if (!ProtocolVersion.isSupported(hello.getProtocolVersion())) {
            closeWith(
                    ctx,
                    frame.getRequestId(),
                    ErrorCode.ERROR_CODE_PROTOCOL_VERSION_UNSUPPORTED,
                    "protocol version " + hello.getProtocolVersion() + " is not in [" + ProtocolVersion.MIN_SUPPORTED
                            + ", " + ProtocolVersion.CURRENT + "]");
            return;
        }
        ctx.pipeline().replace(this, "login", new LoginHandler(deps, ordered));
        ctx.writeAndFlush(Envelope.newBuilder()
                        .setRequestId(frame.getRequestId())
                        .setWelcome(Welcome.newBuilder()
                                .setProtocolVersion(hello.getProtocolVersion())
                                .setServerVersion(deps.serverVersion())
                                .setHeartbeatIntervalSeconds(deps.heartbeatSeconds())
                                .setMaxFrameBytes(Framing.MAX_FRAME_BYTES)
                                .setServerTimeMs(deps.clock().millis()))
                        .build())
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void startTimer(ChannelHandlerContext ctx) {
        if (timeout == null) {
            timeout = ctx.executor()
                    .schedule(
                            () -> {
                                ChannelFuture unused = ctx.close();
                            },
                            deps.deadlines().hello().toNanos(),
                            TimeUnit.NANOSECONDS);
        }
    }

    private static void closeWith(ChannelHandlerContext ctx, long requestId, ErrorCode code, String detail) {
        ctx.writeAndFlush(Replies.error(requestId, code, detail)).addListener(ChannelFutureListener.CLOSE);
    }
}
