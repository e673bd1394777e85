package im.magpie.server;

import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Hello;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.PasswordCredential;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A tiny blocking test client of the gateway: TLS trusting only the server's CA, length-prefixed
 * Envelope frames, request/response by id, and a queue of pushes (request id 0).
 */
public final class TestDevice implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SSLSocket socket;
    private final DataOutputStream out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, BlockingQueue<Envelope>> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<Envelope> pushes = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closedByServer;

    private TestDevice(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        this.reader = new Thread(() -> read(in), "test-device-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects over TLS and completes the TLS handshake (no Hello yet). */
    public static TestDevice connect(int port, X509Certificate trustAnchor) throws IOException {
        return connect(port, trusting(trustAnchor));
    }

    /**
     * Connects over TLS with {@code context} (a device's own context keeps its session tickets, so a later connection
     * with it may resume) and completes the TLS handshake (no Hello yet).
     */
    public static TestDevice connect(int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
        socket.startHandshake();
        return new TestDevice(socket);
    }

    /** A client context that trusts only {@code trustAnchor}. */
    public static SSLContext trusting(X509Certificate trustAnchor) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trustAnchor);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust", e);
        }
    }

    /** Hello, then a password login; returns the login result. */
    public LoginResponse login(String account, String password) throws IOException {
        hello();
        Envelope reply = request(Envelope.newBuilder()
                .setLogin(LoginRequest.newBuilder()
                        .setPassword(PasswordCredential.newBuilder()
                                .setAccount(account)
                                .setPassword(password))
                        .setDeviceName("test device of " + account)
                        .setPlatform("cli")));
        if (!reply.hasLoginResult()) {
            throw new IOException("login failed: " + reply.getError());
        }
        return reply.getLoginResult();
    }

    public Envelope hello() throws IOException {
        return request(Envelope.newBuilder()
                .setHello(Hello.newBuilder()
                        .setProtocolVersion(ProtocolVersion.CURRENT)
                        .setClientAgent("test-device/1")));
    }

    /** Sends a request with a fresh id and waits for the reply with the same id. */
    public Envelope request(Envelope.Builder request) throws IOException {
        long id = ids.incrementAndGet();
        BlockingQueue<Envelope> slot = new LinkedBlockingQueue<>();
        replies.put(id, slot);
        write(request.setRequestId(id).build());
        try {
            Envelope reply = slot.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new IOException("no reply to request " + id + " within " + TIMEOUT);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            replies.remove(id);
        }
    }

    public void write(Envelope envelope) throws IOException {
        byte[] body = envelope.toByteArray();
        synchronized (out) {
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        }
    }

    /** Waits for the next push matching {@code filter}, skipping others; null on timeout. */
    public @Nullable Envelope awaitPush(Predicate<Envelope> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Envelope push = pushes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (push != null && filter.test(push)) {
                return push;
            }
        }
        return null;
    }

    /** True once the server closed the connection (waits up to the timeout). */
    public boolean awaitClosedByServer() throws InterruptedException {
        reader.join(TIMEOUT.toMillis());
        return closedByServer;
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                int length = in.readInt();
                byte[] body = new byte[length];
                in.readFully(body);
                Envelope frame = Envelope.parseFrom(body);
                BlockingQueue<Envelope> slot = replies.get(frame.getRequestId());
                if (frame.getRequestId() == 0 || slot == null) {
                    pushes.add(frame);
                } else {
                    slot.add(frame);
                }
            }
        } catch (EOFException e) {
            closedByServer = true;
        } catch (IOException e) {
            closedByServer = !socket.isClosed();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
