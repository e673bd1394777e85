package im.magpie.server.transport.tcp;

import im.magpie.protocol.Framing;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The pipeline of one connection: TLS (its handshake within {@link ConnectionDeadlines#tlsHandshake()}) → flush
 * consolidation → idle check (cut after 3 to 3.5 silent heartbeat intervals, {@link IdleSweeps}) → length-prefixed protobuf codec → handshake (→ login → dispatcher) →
 * last exception handler.
 *
 * <p>Flush consolidation: replies and notifications of one event-loop turn (and the replies to a
 * burst of requests read in one go) are flushed together, so the TLS layer seals them into as few
 * records and {@code write} system calls as possible.
 */
public final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
    /** At most this many flushes are held back before one goes through anyway. */
    static final int FLUSHES_BEFORE_FORCED_FLUSH = 64;

    private final SslContext ssl;
    private final GatewayDependencies deps;
    private final EventExecutorGroup business;
    private final ConnectionExceptionHandler exceptions;
    private final IdleSweeps idle;

    public GatewayInitializer(
            SslContext ssl,
            GatewayDependencies deps,
            EventExecutorGroup business,
            ConnectionExceptionHandler exceptions) {
        this.ssl = ssl;
        this.deps = deps;
        this.business = business;
        this.exceptions = exceptions;
        this.idle = new IdleSweeps(deps.heartbeatSeconds());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        SslHandler tls = ssl.newHandler(channel.alloc());
        tls.setHandshakeTimeoutMillis(deps.deadlines().tlsHandshake().toMillis());
        p.addLast("tls", tls);
        p.addLast("flush", new FlushConsolidationHandler(FLUSHES_BEFORE_FORCED_FLUSH, true));
        p.addLast("idle", idle.newCheck());
        Framing.addCodec(p, Framing.MAX_FRAME_BYTES);
        p.addLast("handshake", new HandshakeHandler(deps, business.next()));
        p.addLast("exceptions", exceptions);
    }
}
