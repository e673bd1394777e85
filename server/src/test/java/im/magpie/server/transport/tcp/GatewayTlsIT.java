package im.magpie.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import im.magpie.protocol.v1.Envelope;
import im.magpie.server.TestDevice;
import im.magpie.server.config.TlsConfig;
import im.magpie.server.presence.PresenceService;
import im.magpie.server.push.DeviceConnections;
import im.magpie.server.tls.GatewayTls;
import im.magpie.server.tls.TlsMaterial;
import im.magpie.server.tls.TlsSetup;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's OpenSSL context over real TLS on port 0: engines are reference-counted and released when their
 * connection closes, the context is freed on close, and a device's own client context resumes from a session ticket
 * (also across a key rotation, and no longer once the key is gone). Runs with Netty's leak detector at PARANOID
 * (surefire argLine), which reports any engine or buffer that is garbage-collected unreleased.
 */
@Tag("integration")
class GatewayTlsIT {
    private static final int CYCLES = 40;

    @TempDir
    Path dataDir;

    private TlsMaterial material;
    private GatewayTls tls;
    private GatewayServer gateway;

    @BeforeEach
    void start() throws Exception {
        material = new TlsSetup().prepare(new TlsConfig(null, null), dataDir, null);
        tls = material.gatewayTls(new SecureRandom());
        assumeTrue(tls.openSsl(), "netty-tcnative (BoringSSL) is not available on this platform");
        FakeSessions sessions = new FakeSessions();
        GatewayDependencies deps = new GatewayDependencies(
                sessions,
                new FakeAccounts(),
                new FakeMessaging(),
                new FakeConversations(),
                new PresenceService(),
                new DeviceConnections(),
                Clock.systemUTC(),
                TcpFixture.HEARTBEAT_SECONDS,
                ConnectionDeadlines.DEFAULT,
                "0.1.0-test");
        gateway = GatewayServer.start(tls, deps, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (tls.openSsl()) {
            gateway.close(); // a second close (after the first test's) does nothing more
        }
        tls.close();
    }

    @Test
    void everyClosedConnectionReleasesItsEngineAndCloseFreesTheContext() throws Exception {
        assertThat(tls.references()).isEqualTo(1);
        SSLContext client = TestDevice.trusting(material.trustAnchor());
        for (int i = 0; i < CYCLES; i++) {
            try (TestDevice device = TestDevice.connect(gateway.port(), client)) {
                assertThat(device.hello().getBodyCase()).isEqualTo(Envelope.BodyCase.WELCOME);
            }
        }
        // Each engine holds a reference on the context until its channel has closed on the server side.
        awaitReferences(1);

        gateway.close();
        tls.close();
        assertThat(tls.references()).isZero();
    }

    /**
     * The buffer for TLS records BoringSSL writes while Netty reads is smaller than a full handshake's server flight
     * and than the two session tickets sent after the client's Finished: they wait in BoringSSL for the next wrap.
     * The handshakes and resumptions of the other tests go through it.
     */
    @Test
    void connectionsKeepTheSmallBufferForTlsWrittenWhileReading() throws Exception {
        assertThat(tls.nonApplicationBufferBytes()).isEqualTo(GatewayTls.NON_APPLICATION_BUFFER_BYTES);
        SSLContext phone = TestDevice.trusting(material.trustAnchor());
        helloAndClose(phone);
        helloAndClose(phone);
        assertThat(tls.ticketResumptions()).isEqualTo(1);
    }

    @Test
    void aDevicesOwnContextResumesFromATicketUntilItsKeyIsRotatedOut() throws Exception {
        SSLContext laptop = TestDevice.trusting(material.trustAnchor());
        helloAndClose(laptop);
        assertThat(tls.ticketResumptions()).isZero();

        helloAndClose(laptop);
        assertThat(tls.ticketResumptions()).isEqualTo(1);

        tls.rotateTicketKeys(); // the laptop's ticket is now under the previous key: still accepted
        helloAndClose(laptop);
        assertThat(tls.ticketResumptions()).isEqualTo(2);

        helloAndClose(TestDevice.trusting(material.trustAnchor())); // another device has no ticket
        assertThat(tls.ticketResumptions()).isEqualTo(2);

        for (int i = 0; i < GatewayTls.KEYS_KEPT; i++) {
            tls.rotateTicketKeys();
        }
        helloAndClose(laptop); // its ticket's key is gone: a full handshake
        assertThat(tls.ticketResumptions()).isEqualTo(2);
        helloAndClose(laptop); // and the new ticket resumes again
        assertThat(tls.ticketResumptions()).isEqualTo(3);
    }

    /** TLS, Hello/Welcome (the session ticket arrives before the Welcome), close. */
    private void helloAndClose(SSLContext client) throws Exception {
        try (TestDevice device = TestDevice.connect(gateway.port(), client)) {
            assertThat(device.hello().getBodyCase()).isEqualTo(Envelope.BodyCase.WELCOME);
        }
    }

    private void awaitReferences(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tls.references() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(tls.references()).isEqualTo(expected);
    }
}
