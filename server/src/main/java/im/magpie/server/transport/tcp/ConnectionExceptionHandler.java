package im.magpie.server.transport.tcp;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: counts failures, logs expected disconnects (peer reset,
 * bad TLS, malformed or oversized frames) at debug and anything else once with context, then
 * closes. It also closes connections that stayed silent past the idle timeout.
 */
@ChannelHandler.Sharable
public final class ConnectionExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionExceptionHandler.class);

    private final LongAdder failures = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures.increment();
        if (expected(cause)) {
            log.debug("Closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn(
                    "Unexpected failure on connection from {}; closing it",
                    ctx.channel().remoteAddress(),
                    cause);
        }
        ChannelFuture unused = ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            idleClosed.increment();
            log.debug("Closing idle connection from {}", ctx.channel().remoteAddress());
            ChannelFuture unused = ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        io.netty.util.ReferenceCountUtil.release(msg);
    }

    public long failures() {
        return failures.sum();
    }

    public long idleClosed() {
        return idleClosed.sum();
    }

    private static boolean expected(Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        return root instanceof TooLongFrameException
                || root instanceof CorruptedFrameException
                || root instanceof com.google.protobuf.InvalidProtocolBufferException
                || root instanceof NotSslRecordException
                || root instanceof SSLException
                || root instanceof SocketException
                || root instanceof IOException;
    }
}
