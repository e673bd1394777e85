package im.magpie.client.net;

import im.magpie.protocol.Framing;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.function.Supplier;

/** The TLS + framing listener on a loopback port that the client tests' fake servers answer on. */
public final class TestGatewayListener {
    private TestGatewayListener() {}

    /** Binds 127.0.0.1:0; each accepted channel is added to {@code accepted} and gets a new {@code handler}. */
    public static Channel bind(
            EventLoopGroup group, SslContext ssl, List<Channel> accepted, Supplier<ChannelHandler> handler)
            throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.add(ch);
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        Framing.addCodec(ch.pipeline(), Framing.MAX_FRAME_BYTES);
                        ch.pipeline().addLast(handler.get());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }
}
