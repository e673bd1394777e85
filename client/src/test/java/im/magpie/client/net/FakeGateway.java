package im.magpie.client.net;

import im.magpie.protocol.Framing;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.ErrorReply;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.Pong;
import im.magpie.protocol.v1.Welcome;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny TLS gateway on port 0 that speaks just enough of the protocol for client tests. */
final class FakeGateway implements AutoCloseable {
    final List<Envelope> received = new CopyOnWriteArrayList<>();
    final List<Channel> channels = new CopyOnWriteArrayList<>();
    final AtomicInteger logins = new AtomicInteger();
    volatile boolean answerPings = true;
    volatile int heartbeatSeconds = 30;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    FakeGateway(TestPki pki) throws Exception {
        SslContext ssl = SslContextBuilder.forServer(
                        pki.server().getKeyPair().getPrivate(), pki.server().getCertificatePathWithRoot())
                .build();
        server = TestGatewayListener.bind(group, ssl, channels, Handler::new);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Sends a push (request id 0) to every connected client. */
    void push(Envelope.Builder push) {
        for (Channel c : channels) {
            if (!c.isActive()) {
                continue;
            }
            c.writeAndFlush(push.setRequestId(0).build()).syncUninterruptibly();
        }
    }

    void dropConnections() {
        for (Channel c : channels) {
            c.close().syncUninterruptibly();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Envelope> {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close().addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Envelope in) {
            received.add(in);
            Envelope.Builder reply = Envelope.newBuilder().setRequestId(in.getRequestId());
            switch (in.getBodyCase()) {
                case HELLO ->
                    reply.setWelcome(Welcome.newBuilder()
                            .setProtocolVersion(1)
                            .setHeartbeatIntervalSeconds(heartbeatSeconds)
                            .setMaxFrameBytes(Framing.MAX_FRAME_BYTES));
                case LOGIN -> {
                    logins.incrementAndGet();
                    boolean ok = in.getLogin().hasPassword()
                            ? in.getLogin().getPassword().getPassword().equals("secret")
                            : in.getLogin().getToken().equals("token-1");
                    if (ok) {
                        reply.setLoginResult(LoginResponse.newBuilder()
                                .setUserId(7)
                                .setAccount("alice")
                                .setDeviceId("device-1")
                                .setToken("token-1"));
                    } else {
                        reply.setError(ErrorReply.newBuilder()
                                .setCode(
                                        in.getLogin().hasPassword()
                                                ? ErrorCode.ERROR_CODE_INVALID_CREDENTIALS
                                                : ErrorCode.ERROR_CODE_INVALID_TOKEN));
                    }
                }
                case PING -> {
                    if (!answerPings) {
                        return;
                    }
                    reply.setPong(Pong.getDefaultInstance());
                }
                case LOOKUP_USERS -> {
                    return; // never answered: lets tests see request timeouts
                }
                default -> reply.setError(ErrorReply.newBuilder().setCode(ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST));
            }
            ctx.writeAndFlush(reply.build()).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }
}
