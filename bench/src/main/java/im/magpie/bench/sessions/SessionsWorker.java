package im.magpie.bench.sessions;

import im.magpie.client.net.PinnedTrustManager;
import im.magpie.protocol.Framing;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code BenchMain --role sessions-worker --host H --port P --sha256 HEX --bind ADDR --first F --count C --users U
 * --password PW --parallel K}: a generator child process that opens C sessions from source address ADDR (devices of
 * the accounts {@code u<(F+i) mod U>}, at most K setting up at a time), keeps them logged in and heartbeating, and
 * answers its parent on standard input/output, one line each ({@value #PREFIX}-prefixed; other output is logging):
 *
 * <ul>
 *   <li>once every session was attempted: {@code UP <logged in> <failed> <millis> <retries>}, then up to three
 *       {@code FAIL <reason>} lines;
 *   <li>{@code COUNT} → {@code OPEN <open> <closed after login> <pings sent> <pongs received>};
 *   <li>{@code STOP} or end of input → closes every session, {@code BYE}, exits.
 * </ul>
 */
public final class SessionsWorker {
    public static final String ROLE = "sessions-worker";
    public static final String PREFIX = "@@ ";
    private static final int MAX_REPORTED_FAILURES = 3;
    private static final int SETUP_ATTEMPTS = 3;

    private SessionsWorker() {}

    /** The account name of pool user {@code i} (the bench's users are {@code u00000}, {@code u00001}, …). */
    public static String account(int i) {
        return String.format(Locale.ROOT, "u%05d", i);
    }

    /** Runs the worker with the arguments after {@code --role sessions-worker}; returns the exit code. */
    public static int main(List<String> args) throws InterruptedException, IOException {
        Map<String, String> a = options(args);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Run(a).serve(commands, System.out);
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, not " + args.get(i));
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        for (String required : List.of("host", "port", "sha256", "bind", "first", "count", "users", "password")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        return options;
    }

    private static String req(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static final class Run {
        private final String host;
        private final int port;
        private final String bind;
        private final int first;
        private final int count;
        private final int users;
        private final String password;
        private final int parallel;
        private final SslContext ssl;
        private final SessionCounters counters = new SessionCounters();
        private final ConcurrentLinkedQueue<Channel> channels = new ConcurrentLinkedQueue<>();

        Run(Map<String, String> a) throws IOException {
            this.host = req(a, "host");
            this.port = Integer.parseInt(req(a, "port"));
            this.bind = req(a, "bind");
            this.first = Integer.parseInt(req(a, "first"));
            this.count = Integer.parseInt(req(a, "count"));
            this.users = Integer.parseInt(req(a, "users"));
            this.password = req(a, "password");
            this.parallel = Integer.parseInt(a.getOrDefault("parallel", "100"));
            // The generator's own TLS uses OpenSSL when netty-tcnative loads (it is on the bench's class path), which
            // keeps its share of the two cores small; the server is pinned exactly like the real client does.
            this.ssl = SslContextBuilder.forClient()
                    .protocols("TLSv1.3")
                    .trustManager(new PinnedTrustManager(req(a, "sha256"), Clock.systemUTC()))
                    .endpointIdentificationAlgorithm(null)
                    .build();
        }

        int serve(BufferedReader commands, PrintStream out) throws InterruptedException, IOException {
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            try {
                openAll(group, out);
                for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                    switch (line.trim()) {
                        case "COUNT" ->
                            say(
                                    out,
                                    "OPEN %d %d %d %d",
                                    channels.stream().filter(Channel::isActive).count(),
                                    counters.closed.sum(),
                                    counters.pings.sum(),
                                    counters.pongs.sum());
                        case "STOP" -> {
                            return stop(out);
                        }
                        default -> say(out, "UNKNOWN %s", line);
                    }
                }
                return stop(out);
            } finally {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            }
        }

        private void openAll(EventLoopGroup group, PrintStream out) throws InterruptedException {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 60_000)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .localAddress(new InetSocketAddress(bind, 0));
            Semaphore permits = new Semaphore(parallel);
            AtomicLong failed = new AtomicLong();
            List<String> reasons = java.util.Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> all = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                permits.acquire();
                CompletableFuture<Void> session = open(bootstrap, account((first + i) % users), SETUP_ATTEMPTS);
                all.add(session.whenComplete((ok, err) -> {
                    permits.release();
                    if (err != null) {
                        failed.incrementAndGet();
                        if (reasons.size() < MAX_REPORTED_FAILURES) {
                            reasons.add(String.valueOf(err.getMessage()));
                        }
                    }
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .handle((ok, err) -> null)
                    .join();
            say(
                    out,
                    "UP %d %d %d %d",
                    count - failed.get(),
                    failed.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    counters.retries.sum());
            synchronized (reasons) {
                for (String reason : reasons) {
                    say(out, "FAIL %s", reason.replace('\n', ' '));
                }
            }
        }

        /**
         * One session, set up again (after a second) when the setup fails, at most {@code attempts} times in all: on a
         * starved machine a TLS handshake or the Hello can miss the server's 10 s deadline, and a real client
         * reconnects too. Every retry is counted.
         */
        private CompletableFuture<Void> open(Bootstrap bootstrap, String account, int attempts) {
            HeldSession session = new HeldSession(account, password, counters);
            ChannelFuture connecting = bootstrap
                    .clone()
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SslHandler tls = ssl.newHandler(ch.alloc(), host, port);
                            tls.setHandshakeTimeoutMillis(120_000);
                            ch.pipeline().addLast("tls", tls);
                            Framing.addCodec(ch.pipeline(), Framing.MAX_FRAME_BYTES);
                            ch.pipeline().addLast("session", session);
                        }
                    })
                    .connect(host, port);
            channels.add(connecting.channel());
            connecting.addListener(f -> {
                if (!f.isSuccess()) {
                    session.up().completeExceptionally(f.cause());
                }
            });
            if (attempts <= 1) {
                return session.up();
            }
            return session.up().handle((ok, err) -> err).thenCompose(err -> {
                if (err == null) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                counters.retries.increment();
                channels.remove(connecting.channel());
                return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                        .thenCompose(x -> open(bootstrap, account, attempts - 1));
            });
        }

        private int stop(PrintStream out) {
            for (Channel c : channels) {
                ChannelFuture unused = c.close();
            }
            for (Channel c : channels) {
                c.closeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
            }
            say(out, "BYE");
            return 0;
        }

        private static void say(PrintStream out, String format, Object... args) {
            out.println(PREFIX + String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }
}
