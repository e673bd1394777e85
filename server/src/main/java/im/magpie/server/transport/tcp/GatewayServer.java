package im.magpie.server.transport.tcp;

import im.magpie.server.tls.GatewayTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The long-connection listener: binds, serves and shuts down the event loops and the business executors, and rotates
 * the session-ticket keys of its TLS context every {@link GatewayTls#ROTATION} (the caller closes the context after
 * the gateway).
 */
public final class GatewayServer implements AutoCloseable {
    private static final int BUSINESS_THREADS =
            Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
    /**
     * One I/O event loop per core (Netty's default is two): with fewer loops each wake-up finds more ready
     * connections and tasks, so a message costs fewer context switches (docs/performance.md, "Core tuning, round 5").
     * {@code -Dio.netty.eventLoopThreads=N} still overrides it.
     */
    static final int EVENT_LOOPS =
            Integer.getInteger("io.netty.eventLoopThreads", Runtime.getRuntime().availableProcessors());

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final DefaultEventExecutorGroup business;
    private final ConnectionExceptionHandler exceptions;
    private final Channel server;
    private final GatewayTls tls;

    private GatewayServer(
            GatewayTls tls,
            EventLoopGroup boss,
            EventLoopGroup workers,
            DefaultEventExecutorGroup business,
            ConnectionExceptionHandler exceptions,
            Channel server) {
        this.tls = tls;
        this.boss = boss;
        this.workers = workers;
        this.business = business;
        this.exceptions = exceptions;
        this.server = server;
    }

    /** Binds to {@code host:port} (0 = any free port) and starts accepting connections. */
    public static GatewayServer start(GatewayTls tls, GatewayDependencies deps, String host, int port)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(EVENT_LOOPS, io);
        DefaultEventExecutorGroup business = new DefaultEventExecutorGroup(BUSINESS_THREADS);
        ConnectionExceptionHandler exceptions = new ConnectionExceptionHandler();
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new GatewayInitializer(tls.context(), deps, business, exceptions))
                .bind(new InetSocketAddress(host, port))
                .sync()
                .channel();
        long rotation = GatewayTls.ROTATION.toMinutes();
        var unused = boss.scheduleAtFixedRate(tls::rotateTicketKeys, rotation, rotation, TimeUnit.MINUTES);
        return new GatewayServer(tls, boss, workers, business, exceptions, server);
    }

    /** The TLS context with its ticket keys (for metrics and tests). */
    public GatewayTls tls() {
        return tls;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Connection failures and idle closes so far (for metrics and tests). */
    public ConnectionExceptionHandler exceptions() {
        return exceptions;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        business.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
