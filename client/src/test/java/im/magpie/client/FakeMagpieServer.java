package im.magpie.client;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import im.magpie.client.net.Fingerprints;
import im.magpie.client.net.TestGatewayListener;
import im.magpie.protocol.v1.Ack;
import im.magpie.protocol.v1.ConversationAdvanced;
import im.magpie.protocol.v1.ConversationKind;
import im.magpie.protocol.v1.ConversationResponse;
import im.magpie.protocol.v1.ConversationState;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.ErrorReply;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.LookupUsersResponse;
import im.magpie.protocol.v1.Member;
import im.magpie.protocol.v1.MemberRole;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.MessageRecalled;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.Pong;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SendMessageResponse;
import im.magpie.protocol.v1.SyncResponse;
import im.magpie.protocol.v1.UserInfo;
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
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory stand-in for the server, good enough to drive {@link MagpieClient} end to end: discovery over HTTP,
 * the gateway over TLS with one user ("alice", password "secret"), a self conversation (id 1) and a log.
 */
final class FakeMagpieServer implements AutoCloseable {
    static final long ALICE = 7;
    static final long SELF_CONVERSATION = 1;

    final List<SendMessageRequest> sends = new CopyOnWriteArrayList<>();
    private final List<LogEntry> log = new ArrayList<>();
    private final Map<String, Long> seqByClientId = new HashMap<>();
    private final List<Channel> clients = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel gateway;
    private final HttpServer discovery;
    private final String fingerprint;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    FakeMagpieServer() throws Exception {
        X509Bundle ca = new CertificateBuilder()
                .subject("CN=fake CA")
                .setIsCertificateAuthority(true)
                .ecp256()
                .buildSelfSigned();
        X509Bundle leaf = new CertificateBuilder().subject("CN=fake").ecp256().buildIssuedBy(ca);
        fingerprint = Fingerprints.sha256(ca.getCertificate());
        SslContext ssl = SslContextBuilder.forServer(leaf.getKeyPair().getPrivate(), leaf.getCertificatePathWithRoot())
                .build();
        gateway = TestGatewayListener.bind(group, ssl, clients, Handler::new);
        discovery = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        discovery.createContext("/discovery", exchange -> {
            byte[] body = discoveryJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        discovery.start();
    }

    String address() {
        return "127.0.0.1:" + discovery.getAddress().getPort();
    }

    String fingerprint() {
        return fingerprint;
    }

    synchronized int logSize() {
        return log.size();
    }

    private String discoveryJson() {
        int port = ((InetSocketAddress) gateway.localAddress()).getPort();
        return "{\"serverVersion\":\"0.1.0\",\"protocolVersion\":1,\"minProtocolVersion\":1,"
                + "\"gateway\":{\"host\":\"127.0.0.1\",\"port\":" + port + "},"
                + "\"apiUrl\":\"https://127.0.0.1:1\",\"certificateSha256\":\"" + fingerprint + "\","
                + "\"serverTimeMs\":1}";
    }

    /** Appends an entry as if another device had sent it, and notifies connected clients. */
    synchronized long post(LogEntry.Builder change) {
        long seq = log.size() + 1L;
        log.add(change.setConversationId(SELF_CONVERSATION)
                .setSeq(seq)
                .setServerTimeMs(1_764_000_000_000L + seq)
                .build());
        Envelope push = Envelope.newBuilder()
                .setNotification(Notification.newBuilder()
                        .addConversations(ConversationAdvanced.newBuilder()
                                .setConversationId(SELF_CONVERSATION)
                                .setSeq(seq)))
                .build();
        for (Channel c : clients) {
            if (c.isActive()) {
                c.writeAndFlush(push).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            }
        }
        return seq;
    }

    /**
     * Appends {@code changes} as if other devices had sent them in quick succession, and notifies connected clients as
     * the real server does under load: one notification per entry, each carrying its entry inline (ADR 0008), all
     * written before one flush (so they reach the client in one read).
     */
    synchronized void postTogether(List<LogEntry.Builder> changes) {
        List<Envelope> pushes = new ArrayList<>();
        for (LogEntry.Builder change : changes) {
            long seq = log.size() + 1L;
            LogEntry entry = change.setConversationId(SELF_CONVERSATION)
                    .setSeq(seq)
                    .setServerTimeMs(1_764_000_000_000L + seq)
                    .build();
            log.add(entry);
            pushes.add(Envelope.newBuilder()
                    .setNotification(Notification.newBuilder()
                            .addConversations(ConversationAdvanced.newBuilder()
                                    .setConversationId(SELF_CONVERSATION)
                                    .setSeq(seq)
                                    .addEntries(entry)))
                    .build());
        }
        for (Channel c : clients) {
            if (c.isActive()) {
                pushes.forEach(p -> c.write(p).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE));
                c.flush();
            }
        }
    }

    /** Orders every connected device to wipe itself (remote wipe), then closes their connections. */
    void pushWipe(long orderedAtMs) {
        Envelope wipe = Envelope.newBuilder()
                .setRemoteWipe(im.magpie.protocol.v1.RemoteWipe.newBuilder()
                        .setOrderedAtMs(orderedAtMs)
                        .setDeviceId("device-1"))
                .build();
        for (Channel c : clients) {
            if (c.isActive()) {
                c.writeAndFlush(wipe).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private synchronized ConversationState selfState() {
        return ConversationState.newBuilder()
                .setConversationId(SELF_CONVERSATION)
                .setKind(ConversationKind.CONVERSATION_KIND_SELF)
                .addMembers(Member.newBuilder().setUserId(ALICE).setRole(MemberRole.MEMBER_ROLE_OWNER))
                .setLastSeq(log.size())
                .setActive(true)
                .build();
    }

    private synchronized Envelope.Builder handle(Envelope in) {
        Envelope.Builder reply = Envelope.newBuilder().setRequestId(in.getRequestId());
        switch (in.getBodyCase()) {
            case HELLO ->
                reply.setWelcome(Welcome.newBuilder().setProtocolVersion(1).setHeartbeatIntervalSeconds(30));
            case LOGIN -> {
                boolean ok = in.getLogin().hasPassword()
                        ? in.getLogin().getPassword().getPassword().equals("secret")
                        : in.getLogin().getToken().equals("token-7");
                if (ok) {
                    reply.setLoginResult(LoginResponse.newBuilder()
                            .setUserId(ALICE)
                            .setAccount("alice")
                            .setDeviceId("dev-1")
                            .setToken("token-7"));
                } else {
                    reply.setError(ErrorReply.newBuilder().setCode(ErrorCode.ERROR_CODE_INVALID_CREDENTIALS));
                }
            }
            case PING -> reply.setPong(Pong.getDefaultInstance());
            case OPEN_SELF ->
                reply.setConversationResult(ConversationResponse.newBuilder().setConversation(selfState()));
            case LOOKUP_USERS ->
                reply.setLookupUsersResult(LookupUsersResponse.newBuilder()
                        .addUsers(UserInfo.newBuilder().setUserId(ALICE).setAccount("alice")));
            case SYNC -> reply.setSyncResult(sync(in.getSync().getCursor()));
            case SEND_MESSAGE -> reply.setSendMessageResult(send(in.getSendMessage()));
            case RECALL_MESSAGE -> {
                long target = in.getRecallMessage().getSeq();
                LogEntry old = log.get((int) target - 1);
                log.set(
                        (int) target - 1,
                        old.toBuilder()
                                .setMessage(MessagePosted.newBuilder()
                                        .setClientMessageId(old.getMessage().getClientMessageId())
                                        .setRecalled(true))
                                .build());
                post(LogEntry.newBuilder()
                        .setActorUserId(ALICE)
                        .setRecalled(MessageRecalled.newBuilder().setTargetSeq(target)));
                reply.setAck(Ack.getDefaultInstance());
            }
            case LOGOUT -> reply.setAck(Ack.getDefaultInstance());
            default -> reply.setError(ErrorReply.newBuilder().setCode(ErrorCode.ERROR_CODE_UNSUPPORTED_REQUEST));
        }
        return reply;
    }

    /** Entries a device's first sync leaves out: it brings only the recent part of a long log (history brings more). */
    volatile int firstSyncFrom;

    private SyncResponse sync(ByteString cursor) {
        int from = cursor.isEmpty() ? firstSyncFrom : Integer.parseInt(cursor.toStringUtf8());
        int to = Math.min(log.size(), from + 2);
        SyncResponse.Builder page = SyncResponse.newBuilder()
                .addAllEntries(log.subList(from, to))
                .setNextCursor(ByteString.copyFromUtf8(Integer.toString(to)))
                .setHasMore(to < log.size());
        if (to > from) {
            page.addConversations(selfState());
        }
        return page.build();
    }

    private SendMessageResponse send(SendMessageRequest req) {
        sends.add(req);
        Long seq = seqByClientId.get(req.getClientMessageId());
        if (seq == null) {
            seq = post(LogEntry.newBuilder()
                    .setActorUserId(ALICE)
                    .setMessage(MessagePosted.newBuilder()
                            .setClientMessageId(req.getClientMessageId())
                            .setBody(req.getBody())));
            seqByClientId.put(req.getClientMessageId(), seq);
        }
        return SendMessageResponse.newBuilder()
                .setConversationId(req.getConversationId())
                .setSeq(seq)
                .setServerTimeMs(1_764_000_000_000L + seq)
                .build();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        discovery.stop(0);
        gateway.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Envelope> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Envelope in) {
            Envelope reply = handle(in).build();
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            if (in.hasLogout()) {
                ctx.close().addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close().addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }
}
