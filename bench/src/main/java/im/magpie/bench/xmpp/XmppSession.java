package im.magpie.bench.xmpp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One XMPP client session over direct TLS: TCP connect, TLS handshake, stream, SASL PLAIN, stream restart, resource
 * binding, initial presence; then chat messages both ways and a XEP-0199 ping every heartbeat interval. Incoming
 * chat messages go to the {@link Listener} on the session's event loop.
 */
public final class XmppSession {
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

    /** What the session reports. Called on its event loop: must not block. */
    public interface Listener {
        void onChat(String from, String body, long receivedNanos);

        default void onClosed(@Nullable Throwable cause) {}
    }

    /** Who logs in where: the server's domain, the local part, the password and the resource to bind. */
    public record Account(String domain, String user, String password, String resource) {
        public String bareJid() {
            return user + "@" + domain;
        }
    }

    /** Where and how to connect; {@code localAddress} (port 0) spreads ephemeral ports over several 127.0.0.x. */
    public record Endpoint(
            InetSocketAddress server,
            @Nullable InetSocketAddress localAddress,
            SslContext tls,
            EventLoopGroup group,
            Duration heartbeat) {}

    private final Channel channel;
    private final AtomicLong ids = new AtomicLong();
    private volatile String jid = "";

    private XmppSession(Channel channel) {
        this.channel = channel;
    }

    /** Connects and logs in; completes once the resource is bound and the initial presence is written. */
    public static CompletableFuture<XmppSession> connect(Endpoint endpoint, Account account, Listener listener) {
        CompletableFuture<XmppSession> ready = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(endpoint.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetSocketAddress server = endpoint.server();
                        ch.pipeline()
                                .addLast(
                                        endpoint.tls().newHandler(ch.alloc(), server.getHostString(), server.getPort()))
                                .addLast(new FrameDecoder())
                                .addLast(new Protocol(endpoint, account, listener, ready));
                    }
                });
        ChannelFuture connecting = endpoint.localAddress() == null
                ? bootstrap.connect(endpoint.server())
                : bootstrap.connect(endpoint.server(), endpoint.localAddress());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(f.cause());
            }
        });
        return ready;
    }

    /** The full JID the server bound. */
    public String jid() {
        return jid;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Writes a chat message; completes when it is written to the socket (XMPP has no delivery receipt here). */
    public CompletableFuture<Void> sendChat(String to, String body) {
        return write(Stanzas.chat(to, "m" + ids.incrementAndGet(), body));
    }

    /** Ends the stream and closes the connection. */
    public void close() {
        if (channel.isActive()) {
            ChannelFuture unusedEnd =
                    channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), Stanzas.streamEnd()));
        }
        ChannelFuture unusedClose = channel.close();
    }

    private CompletableFuture<Void> write(String xml) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), xml)).addListener(f -> {
            if (f.isSuccess()) {
                done.complete(null);
            } else {
                done.completeExceptionally(f.cause());
            }
        });
        return done;
    }

    /** Bytes to {@link XmlFramer} pieces. */
    private static final class FrameDecoder extends ByteToMessageDecoder {
        private final XmlFramer framer = new XmlFramer();
        private byte[] scratch = new byte[4096];

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int n = in.readableBytes();
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
            in.readBytes(scratch, 0, n);
            out.addAll(framer.feed(scratch, 0, n));
        }
    }

    private enum Step {
        FEATURES_BEFORE_AUTH,
        AUTH,
        FEATURES_AFTER_AUTH,
        BIND,
        READY
    }

    /** The login state machine, then the reader of chat messages, pings and stream errors. */
    private static final class Protocol extends SimpleChannelInboundHandler<String> {
        private final Endpoint endpoint;
        private final Account account;
        private final Listener listener;
        private final CompletableFuture<XmppSession> ready;
        private @Nullable XmppSession session;
        private @Nullable ScheduledFuture<?> heartbeat;
        private @Nullable ScheduledFuture<?> loginTimeout;
        private Step step = Step.FEATURES_BEFORE_AUTH;

        Protocol(Endpoint endpoint, Account account, Listener listener, CompletableFuture<XmppSession> ready) {
            this.endpoint = endpoint;
            this.account = account;
            this.listener = listener;
            this.ready = ready;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            session = new XmppSession(ctx.channel());
            loginTimeout = ctx.executor()
                    .schedule(
                            () -> fail(ctx, new IllegalStateException("XMPP login timed out")),
                            LOGIN_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS);
            send(ctx, Stanzas.streamHeader(account.domain())); // buffered by the TLS handler until the handshake
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String piece) {
            String name = Stanzas.name(piece);
            switch (name) {
                case "message" -> message(piece);
                case "iq" -> iq(ctx, piece);
                case "stream:features" -> features(ctx, piece);
                case "success" -> success(ctx);
                case "failure" -> fail(ctx, new IllegalStateException("SASL failure: " + piece));
                case "stream:error" -> fail(ctx, new IllegalStateException("XMPP stream error: " + piece));
                case "/stream:stream" -> close(ctx);
                default -> {} // stream headers, presence
            }
        }

        private void message(String piece) {
            String body = Stanzas.childText(piece, "body");
            String from = Stanzas.attribute(piece, "from");
            if (body != null && from != null && step == Step.READY) {
                listener.onChat(from, body, System.nanoTime());
            }
        }

        private void features(ChannelHandlerContext ctx, String piece) {
            if (step == Step.FEATURES_BEFORE_AUTH) {
                if (!Stanzas.offersMechanism(piece, "PLAIN")) {
                    fail(ctx, new IllegalStateException("the server does not offer SASL PLAIN: " + piece));
                    return;
                }
                step = Step.AUTH;
                send(ctx, Stanzas.authPlain(account.user(), account.password()));
            } else if (step == Step.FEATURES_AFTER_AUTH) {
                step = Step.BIND;
                send(ctx, Stanzas.bind("bind", account.resource()));
            }
        }

        private void success(ChannelHandlerContext ctx) {
            if (step != Step.AUTH) {
                fail(ctx, new IllegalStateException("unexpected SASL success"));
                return;
            }
            step = Step.FEATURES_AFTER_AUTH;
            send(ctx, Stanzas.streamHeader(account.domain())); // stream restart (RFC 6120 §6.4.6)
        }

        private void iq(ChannelHandlerContext ctx, String piece) {
            String type = Stanzas.attribute(piece, "type");
            String id = Stanzas.attribute(piece, "id");
            if (step == Step.BIND && "bind".equals(id)) {
                String jid = Stanzas.childText(piece, "jid");
                if (!"result".equals(type) || jid == null) {
                    fail(ctx, new IllegalStateException("resource binding failed: " + piece));
                    return;
                }
                bound(ctx, jid);
            } else if ("get".equals(type) && piece.contains("urn:xmpp:ping") && id != null) {
                send(ctx, "<iq type='result' id='" + Stanzas.escape(id) + "'/>");
            }
        }

        private void bound(ChannelHandlerContext ctx, String jid) {
            XmppSession s = session;
            if (s == null) {
                return;
            }
            s.jid = jid;
            step = Step.READY;
            send(ctx, Stanzas.presence());
            cancel(loginTimeout);
            long period = endpoint.heartbeat().toMillis();
            if (period > 0) {
                long first = ThreadLocalRandom.current().nextLong(period) + 1;
                AtomicLong pings = new AtomicLong();
                heartbeat = ctx.executor()
                        .scheduleAtFixedRate(
                                () -> send(ctx, Stanzas.ping(account.domain(), "p" + pings.incrementAndGet())),
                                first,
                                period,
                                TimeUnit.MILLISECONDS);
            }
            ready.complete(s);
        }

        private static void send(ChannelHandlerContext ctx, String xml) {
            ChannelFuture unused = ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), xml));
        }

        private static void close(ChannelHandlerContext ctx) {
            ChannelFuture unused = ctx.close();
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            ready.completeExceptionally(cause);
            close(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx, cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel(heartbeat);
            cancel(loginTimeout);
            ready.completeExceptionally(new IllegalStateException("XMPP connection closed during login"));
            listener.onClosed(null);
        }

        private static void cancel(@Nullable ScheduledFuture<?> f) {
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
