package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.ProtocolVersion;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.Ping;
import im.magpie.server.config.TlsConfig;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.push.DeviceConnections;
import im.magpie.server.tls.GatewayTls;
import im.magpie.server.tls.TlsMaterial;
import im.magpie.server.tls.TlsSetup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's two set-up deadlines on a real TLS listener (port 0, the installation CA, fake services): the TLS
 * handshake has its own, and the Hello deadline starts when the handshake completes, not at the TCP accept.
 */
@Tag("integration")
class ConnectionDeadlinesIT {
    /** Far longer than any test waits: a connection closed in a test was closed by the other deadline. */
    private static final Duration NEVER = Duration.ofMinutes(5);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    static TlsMaterial tls;
    static GatewayTls gatewayTls;

    @BeforeAll
    static void tls() throws Exception {
        tls = new TlsSetup().prepare(new TlsConfig(null, null), dataDir, null);
        gatewayTls = tls.gatewayTls(new SecureRandom());
    }

    @AfterAll
    static void releaseTls() {
        gatewayTls.close();
    }

    @Test
    void closesAClientThatNeverStartsTlsAfterTheHandshakeDeadline() throws Exception {
        Duration handshake = Duration.ofSeconds(1);
        try (GatewayServer gateway = start(new ConnectionDeadlines(handshake, NEVER));
                Socket socket = connect(gateway)) {
            long start = System.nanoTime();

            assertThat(readUntilClosed(socket.getInputStream())).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(handshake);
        }
    }

    @Test
    void closesAClientThatFinishesTlsAndStaysSilentAfterTheHelloDeadline() throws Exception {
        Duration hello = Duration.ofSeconds(1);
        try (GatewayServer gateway = start(new ConnectionDeadlines(NEVER, hello));
                SSLSocket socket = tlsOver(connect(gateway))) {
            socket.startHandshake();
            long handshakeDone = System.nanoTime();

            assertThat(readUntilClosed(socket.getInputStream())).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - handshakeDone)).isGreaterThanOrEqualTo(hello);
        }
    }

    @Test
    void startsTheHelloDeadlineWhenTheHandshakeCompletesNotAtTheAccept() throws Exception {
        Duration hello = Duration.ofSeconds(1);
        try (GatewayServer gateway = start(new ConnectionDeadlines(NEVER, hello));
                Socket tcp = connect(gateway)) {
            Thread.sleep(hello.multipliedBy(2).toMillis()); // a slow handshake: longer than the Hello deadline
            SSLSocket socket = tlsOver(tcp);
            socket.startHandshake();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());

            write(out, TcpFixture.hello(1, ProtocolVersion.CURRENT));

            assertThat(read(in).hasWelcome()).isTrue();
        }
    }

    @Test
    void aNormalLoginIsUnaffectedAndOutlivesBothDeadlines() throws Exception {
        ConnectionDeadlines deadlines = new ConnectionDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (GatewayServer gateway = start(deadlines);
                SSLSocket socket = tlsOver(connect(gateway))) {
            socket.startHandshake();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());

            write(out, TcpFixture.hello(1, ProtocolVersion.CURRENT));
            assertThat(read(in).hasWelcome()).isTrue();
            write(out, TcpFixture.login(2, "alice", "secret"));
            assertThat(read(in).getLoginResult().getAccount()).isEqualTo("alice");

            Thread.sleep(deadlines.tlsHandshake().plus(deadlines.hello()).toMillis() + 500);
            write(
                    out,
                    Envelope.newBuilder()
                            .setRequestId(3)
                            .setPing(Ping.getDefaultInstance())
                            .build());
            Envelope pong = read(in);
            assertThat(pong.getRequestId()).isEqualTo(3);
            assertThat(pong.hasPong()).isTrue();
        }
    }

    private static GatewayServer start(ConnectionDeadlines deadlines) throws Exception {
        GatewayDependencies deps = new GatewayDependencies(
                new FakeSessions(),
                new FakeAccounts(),
                new FakeMessaging(),
                new FakeConversations(),
                new PresenceService(),
                new DeviceConnections(),
                Clock.systemUTC(),
                TcpFixture.HEARTBEAT_SECONDS,
                deadlines,
                "0.1.0-test");
        return GatewayServer.start(gatewayTls, deps, "127.0.0.1", 0);
    }

    private static Socket connect(GatewayServer gateway) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.port()));
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        return socket;
    }

    /** A TLS client over an already connected socket, trusting only the installation CA; the handshake not started. */
    private static SSLSocket tlsOver(Socket tcp) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", tls.trustAnchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, "localhost", tcp.getPort(), true);
        socket.setUseClientMode(true);
        return socket;
    }

    /** Reads and drops whatever arrives until the server closes; false when the read timeout passes first. */
    private static boolean readUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // a TLS alert or anything else before the close
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException | javax.net.ssl.SSLException e) {
            return true; // reset by the server
        }
    }

    private static void write(DataOutputStream out, Envelope frame) throws IOException {
        byte[] body = frame.toByteArray();
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    private static Envelope read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("negative length");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return Envelope.parseFrom(body);
    }
}
