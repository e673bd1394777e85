package im.magpie.bench.sessions;

import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Hello;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.PasswordCredential;
import im.magpie.protocol.v1.Ping;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One held session, as the last handler of its channel: after the TLS handshake, Hello; on Welcome, a password login;
 * once logged in, a Ping every heartbeat interval the Welcome named (the first one at a random point of the first
 * interval, so that thousands of sessions do not ping in step) and nothing else. Replies and pushes are read and
 * dropped. Much lighter than the client library's connection (no pending-request table, no callback executor), so one
 * worker process holds ~9,500 of them.
 */
final class HeldSession extends SimpleChannelInboundHandler<Envelope> {
    private static final long HELLO_ID = 1;
    private static final long LOGIN_ID = 2;

    private final String account;
    private final String password;
    private final SessionCounters counters;
    private final CompletableFuture<Void> up = new CompletableFuture<>();
    private @Nullable ScheduledFuture<?> heartbeat; // event loop only
    private long nextRequestId = LOGIN_ID + 1; // event loop only
    private int heartbeatSeconds = 30; // event loop only

    HeldSession(String account, String password, SessionCounters counters) {
        this.account = account;
        this.password = password;
        this.counters = counters;
    }

    /** Completes once logged in; fails with the reason when the session could not be set up. */
    CompletableFuture<Void> up() {
        return up;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                ctx.writeAndFlush(Envelope.newBuilder()
                                .setRequestId(HELLO_ID)
                                .setHello(Hello.newBuilder()
                                        .setProtocolVersion(ProtocolVersion.CURRENT)
                                        .setClientAgent("magpie-bench-sessions"))
                                .build())
                        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            } else {
                fail(ctx, "TLS handshake failed: " + done.cause());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope frame) {
        switch (frame.getBodyCase()) {
            case WELCOME -> {
                int seconds = frame.getWelcome().getHeartbeatIntervalSeconds();
                heartbeatSeconds = seconds > 0 ? seconds : 30;
                ctx.writeAndFlush(Envelope.newBuilder()
                                .setRequestId(LOGIN_ID)
                                .setLogin(LoginRequest.newBuilder()
                                        .setDeviceName("bench-idle")
                                        .setPlatform("bench")
                                        .setPassword(PasswordCredential.newBuilder()
                                                .setAccount(account)
                                                .setPassword(password)))
                                .build())
                        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            }
            case LOGIN_RESULT -> {
                startHeartbeat(ctx, heartbeatSeconds);
                up.complete(null);
            }
            case PONG -> counters.pongs.increment();
            case ERROR -> {
                if (!up.isDone()) {
                    fail(
                            ctx,
                            frame.getError().getCode() + ": " + frame.getError().getDetail());
                }
            }
            default -> {
                // pushes (presence, notifications) are not this session's business
            }
        }
    }

    /** Pings from now on (the server answers a Ping before the login with an error, so not earlier). */
    private void startHeartbeat(ChannelHandlerContext ctx, int seconds) {
        long period = TimeUnit.SECONDS.toMillis(seconds);
        long first = ThreadLocalRandom.current().nextLong(period / 2, period);
        heartbeat = ctx.executor()
                .scheduleAtFixedRate(
                        () -> {
                            counters.pings.increment();
                            ctx.writeAndFlush(Envelope.newBuilder()
                                            .setRequestId(nextRequestId++)
                                            .setPing(Ping.getDefaultInstance())
                                            .build())
                                    .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
                        },
                        first,
                        period,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ScheduledFuture<?> h = heartbeat;
        if (h != null) {
            h.cancel(false);
        }
        if (up.isDone() && !up.isCompletedExceptionally()) {
            counters.closed.increment();
        } else {
            up.completeExceptionally(new IllegalStateException("closed by the server before the login completed"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.toString());
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        up.completeExceptionally(new IllegalStateException(reason));
        ctx.close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
