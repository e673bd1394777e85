package im.magpie.server.transport.tcp;

import im.magpie.protocol.Framing;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one connection: TLS → idle check (3 heartbeats) → length-prefixed protobuf codec
 * → handshake (→ login → dispatcher) → last exception handler.
 */
public final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
    private final SslContext ssl;
    private final GatewayDependencies deps;
    private final EventExecutorGroup business;
    private final ConnectionExceptionHandler exceptions;

    public GatewayInitializer(
            SslContext ssl,
            GatewayDependencies deps,
            EventExecutorGroup business,
            ConnectionExceptionHandler exceptions) {
        this.ssl = ssl;
        this.deps = deps;
        this.business = business;
        this.exceptions = exceptions;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("tls", ssl.newHandler(channel.alloc()));
        p.addLast("idle", new IdleStateHandler(3L * deps.heartbeatSeconds(), 0, 0, TimeUnit.SECONDS));
        Framing.addCodec(p, Framing.MAX_FRAME_BYTES);
        p.addLast("handshake", new HandshakeHandler(deps, business.next()));
        p.addLast("exceptions", exceptions);
    }
}
