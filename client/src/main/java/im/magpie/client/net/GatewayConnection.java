package im.magpie.client.net;

import im.magpie.protocol.Framing;
import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorReply;
import im.magpie.protocol.v1.Hello;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.Logout;
import im.magpie.protocol.v1.Welcome;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One long TLS connection to the gateway (port 7006), after the Hello/Welcome handshake. Requests get a fresh
 * request id, a pending future and a timeout; replies and pushes are delivered on the callback executor. Heartbeats
 * run by themselves. Create with {@link #connect}; then {@link #login}.
 */
public final class GatewayConnection implements AutoCloseable {
    private final Channel channel;
    private final PendingRequests pending;
    private final Duration requestTimeout;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Welcome welcome = Welcome.getDefaultInstance();

    private GatewayConnection(Channel channel, PendingRequests pending, Duration requestTimeout, Executor callbacks) {
        this.channel = channel;
        this.pending = pending;
        this.requestTimeout = requestTimeout;
        channel.closeFuture().addListener(f -> {
            try {
                callbacks.execute(() -> closed.complete(null));
            } catch (RejectedExecutionException e) {
                closed.complete(null); // the client is shutting down: nobody waits on its callback thread
            }
        });
    }

    /**
     * Connects, completes TLS (checked by the settings' pinned context) and the Hello/Welcome handshake. The future
     * fails with the TLS error (its cause chain holds a {@link CertificateChangedException} when the pin differs), a
     * {@link RequestFailedException} (e.g. {@code PROTOCOL_VERSION_UNSUPPORTED}) or a timeout.
     */
    public static CompletableFuture<GatewayConnection> connect(
            GatewaySettings settings, EventLoopGroup group, PushListener push, Executor callbacks) {
        PendingRequests pending = new PendingRequests(callbacks);
        GatewayClientHandler handler = new GatewayClientHandler(pending, push, callbacks);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        SslHandler tls = settings.ssl().newHandler(ch.alloc(), settings.host(), settings.port());
                        tls.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
                        p.addLast("tls", tls);
                        Framing.addCodec(p, Framing.MAX_FRAME_BYTES);
                        p.addLast("client", handler);
                    }
                });
        CompletableFuture<GatewayConnection> result = new CompletableFuture<>();
        ChannelFuture connecting = bootstrap.connect(settings.host(), settings.port());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                callbacks.execute(() -> result.completeExceptionally(f.cause()));
                return;
            }
            Channel ch = connecting.channel();
            ch.pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> {
                if (!h.isSuccess()) {
                    ChannelFuture unused = ch.close();
                    callbacks.execute(() -> result.completeExceptionally(h.cause()));
                    return;
                }
                GatewayConnection conn = new GatewayConnection(ch, pending, settings.requestTimeout(), callbacks);
                CompletableFuture<Void> unused = conn.hello(settings.clientAgent(), handler)
                        .whenComplete((ok, err) -> {
                            if (err != null) {
                                ch.close().addListener(ChannelFutureListener.CLOSE);
                                result.completeExceptionally(err);
                            } else {
                                result.complete(conn);
                            }
                        });
            });
        });
        return result;
    }

    private CompletableFuture<Void> hello(String clientAgent, GatewayClientHandler handler) {
        Envelope.Builder hello = Envelope.newBuilder()
                .setHello(Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.CURRENT)
                        .setClientAgent(clientAgent));
        return request(hello, Envelope.BodyCase.WELCOME).thenAccept(reply -> {
            welcome = reply.getWelcome();
            ChannelHandlerContext ctx = channel.pipeline().context(handler);
            if (ctx != null) {
                int seconds = welcome.getHeartbeatIntervalSeconds() > 0 ? welcome.getHeartbeatIntervalSeconds() : 30;
                handler.startHeartbeat(ctx, Duration.ofSeconds(seconds));
            }
        });
    }

    /** The server's Welcome of this connection. */
    public Welcome welcome() {
        return welcome;
    }

    /** Logs in with a password or a token; fails with {@link RequestFailedException} on an error reply. */
    public CompletableFuture<LoginResponse> login(LoginRequest login) {
        return request(Envelope.newBuilder().setLogin(login), Envelope.BodyCase.LOGIN_RESULT)
                .thenApply(Envelope::getLoginResult);
    }

    /** Ends the session (the server revokes the token), then closes. */
    public CompletableFuture<Void> logout() {
        return request(Envelope.newBuilder().setLogout(Logout.getDefaultInstance()), Envelope.BodyCase.ACK)
                .thenAccept(ack -> close());
    }

    /**
     * Sends a request and completes with the reply frame when its body is {@code expected}. Fails with
     * {@link RequestFailedException} on an error reply, {@link UnexpectedReplyException} on another body,
     * {@link ConnectionClosedException} when the connection closes first, {@link java.util.concurrent.TimeoutException}
     * after the request timeout.
     */
    public CompletableFuture<Envelope> request(Envelope.Builder body, Envelope.BodyCase expected) {
        if (!channel.isActive()) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("not connected to the server"));
        }
        long id = pending.nextId();
        CompletableFuture<Envelope> reply = pending.register(id, channel.eventLoop(), requestTimeout);
        channel.writeAndFlush(body.setRequestId(id).build()).addListener(f -> {
            if (!f.isSuccess()) {
                pending.fail(id, new ConnectionClosedException("could not send to the server: " + f.cause()));
            }
        });
        return reply.thenCompose(env -> check(env, expected));
    }

    private static CompletableFuture<Envelope> check(Envelope reply, Envelope.BodyCase expected) {
        if (reply.getBodyCase() == expected) {
            return CompletableFuture.completedFuture(reply);
        }
        if (reply.getBodyCase() == Envelope.BodyCase.ERROR) {
            ErrorReply e = reply.getError();
            return CompletableFuture.failedFuture(
                    new RequestFailedException(e.getCode(), e.getDetail(), e.getRetryAfterMs()));
        }
        return CompletableFuture.failedFuture(
                new UnexpectedReplyException("expected " + expected + " but the server sent " + reply.getBodyCase()));
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Completes (on the callback executor) once the connection is closed, by either side. */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    @Override
    public void close() {
        ChannelFuture unused = channel.close();
    }
}
