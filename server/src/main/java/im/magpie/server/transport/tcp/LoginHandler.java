package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.RemoteWipe;
import im.magpie.server.session.AccountDisabledException;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.DeviceWipedException;
import im.magpie.server.session.InvalidCredentialsException;
import im.magpie.server.session.InvalidTokenException;
import im.magpie.server.session.LoginAttempt;
import im.magpie.server.session.RateLimitedException;
import im.magpie.server.session.Session;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Second handler: accepts {@code login} (password or token) and answers every other request with
 * {@code NOT_AUTHENTICATED}. While a login runs (on the connection's ordered executor) reading is
 * paused and frames already received are held back (at most {@value #MAX_PENDING_FRAMES}), so a
 * request pipelined after the login is served once the login succeeded. On success the device is registered and
 * {@link RequestDispatcher} takes this handler's place.
 */
public final class LoginHandler extends SimpleChannelInboundHandler<Envelope> {
    static final int MAX_FIELD_CHARS = 256;
    /** Frames that may arrive (pipelined) while a login runs; more close the connection. */
    static final int MAX_PENDING_FRAMES = 32;

    private final GatewayDependencies deps;
    private final Executor ordered;
    private final ErrorMapper errors = new ErrorMapper();
    private final Deque<Envelope> pending = new ArrayDeque<>();
    private boolean loginRunning;

    public LoginHandler(GatewayDependencies deps, Executor ordered) {
        this.deps = deps;
        this.ordered = ordered;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope frame) {
        if (loginRunning) {
            if (pending.size() >= MAX_PENDING_FRAMES) {
                ctx.close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                return;
            }
            pending.add(frame);
            return;
        }
        if (frame.getBodyCase() != Envelope.BodyCase.LOGIN) {
            ctx.writeAndFlush(
                            Replies.error(frame.getRequestId(), ErrorCode.ERROR_CODE_NOT_AUTHENTICATED, "log in first"))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            return;
        }
        LoginRequest login = frame.getLogin();
        if (!valid(login)) {
            ctx.writeAndFlush(Replies.error(
                            frame.getRequestId(), ErrorCode.ERROR_CODE_BAD_REQUEST, "malformed login request"))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            return;
        }
        ctx.channel().config().setAutoRead(false);
        loginRunning = true;
        LoginAttempt attempt = new LoginAttempt(
                login.getDeviceId().isEmpty() ? null : new DeviceId(login.getDeviceId()),
                login.getDeviceName(),
                login.getPlatform(),
                address(ctx.channel().remoteAddress()));
        ordered.execute(() -> authenticate(ctx, frame.getRequestId(), login, attempt));
    }

    private void authenticate(ChannelHandlerContext ctx, long requestId, LoginRequest login, LoginAttempt attempt) {
        try {
            Session session = login.hasPassword()
                    ? deps.sessions()
                            .loginWithPassword(
                                    login.getPassword().getAccount(),
                                    login.getPassword().getPassword(),
                                    attempt)
                    : deps.sessions().resume(login.getToken(), attempt);
            ctx.executor().execute(() -> loggedIn(ctx, requestId, session, attempt));
        } catch (DeviceWipedException e) {
            wiped(ctx, requestId, e);
        } catch (InvalidCredentialsException
                | AccountDisabledException
                | RateLimitedException
                | InvalidTokenException
                | RuntimeException e) {
            Envelope reply = Envelope.newBuilder()
                    .setRequestId(requestId)
                    .setError(errors.map(e, "login from " + attempt.remoteAddress()))
                    .build();
            ctx.channel().writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            ctx.executor().execute(() -> failed(ctx));
        }
    }

    /** A device ordered to wipe: the order, then the login's refusal, then the connection closes. */
    private void wiped(ChannelHandlerContext ctx, long requestId, DeviceWipedException e) {
        ctx.channel()
                .write(Envelope.newBuilder()
                        .setRemoteWipe(RemoteWipe.newBuilder()
                                .setDeviceId(e.device().value())
                                .setOrderedAtMs(e.orderedAt().toEpochMilli()))
                        .build())
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.channel()
                .writeAndFlush(Replies.error(requestId, ErrorCode.ERROR_CODE_INVALID_TOKEN, "this device was wiped"))
                .addListener(ChannelFutureListener.CLOSE);
        deps.sessions().wipeDelivered(e.device());
    }

    /** Back to waiting for a login: frames that arrived meanwhile are handled as if they came now. */
    private void failed(ChannelHandlerContext ctx) {
        loginRunning = false;
        ctx.channel().config().setAutoRead(true);
        for (Envelope next = pending.poll(); next != null; next = loginRunning ? null : pending.poll()) {
            channelRead0(ctx, next);
        }
    }

    private void loggedIn(ChannelHandlerContext ctx, long requestId, Session session, LoginAttempt attempt) {
        loginRunning = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        ConnectionSession connection = ConnectionSession.open(deps, ctx.channel(), session, attempt);
        ctx.pipeline().replace(this, "dispatch", new RequestDispatcher(deps, connection, ordered));
        ctx.channel()
                .writeAndFlush(Envelope.newBuilder()
                        .setRequestId(requestId)
                        .setLoginResult(LoginResponse.newBuilder()
                                .setUserId(session.account().id().value())
                                .setAccount(session.account().account())
                                .setDisplayName(session.account().displayName())
                                .setDeviceId(session.device().value())
                                .setToken(session.token())
                                .setTokenExpiresAtMs(session.expiresAt().toEpochMilli()))
                        .build())
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.channel().config().setAutoRead(true);
        for (Envelope next = pending.poll(); next != null; next = pending.poll()) {
            ctx.channel().pipeline().fireChannelRead(next);
        }
    }

    private static boolean valid(LoginRequest login) {
        boolean credential = login.hasPassword()
                ? !login.getPassword().getAccount().isEmpty()
                        && login.getPassword().getAccount().length() <= MAX_FIELD_CHARS
                        && login.getPassword().getPassword().length() <= MAX_FIELD_CHARS
                : login.getCredentialCase() == LoginRequest.CredentialCase.TOKEN
                        && !login.getToken().isEmpty()
                        && login.getToken().length() <= MAX_FIELD_CHARS;
        return credential
                && login.getDeviceId().length() <= 64
                && login.getDeviceName().length() <= MAX_FIELD_CHARS
                && login.getPlatform().length() <= 32;
    }

    static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
