package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import im.magpie.bench.xmpp.XmppSession;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XMPP client against a real ejabberd and a real Prosody, each started by its script under bench/peers/. Skipped
 * (with the reason) for a peer that is not installed: CI does not need them.
 */
@Tag("integration")
class PeerServerIT {
    /** Each peer's configuration file and what it must say: loopback only, direct TLS, no federation. */
    private static final Map<String, List<String>> CONFIG = Map.of(
            "ejabberd/ejabberd.yml",
            List.of("ip: \"127.0.0.1\"", "s2s_access: none", "tls: true"),
            "prosody/prosody.cfg.lua",
            List.of("interfaces = { \"127.0.0.1\" }", "c2s_direct_tls_ports", "\"s2s\"", "nagle = false"));

    @ParameterizedTest
    @ValueSource(strings = {"ejabberd", "prosody"})
    void logsInOverDirectTlsExchangesChatMessagesAndRejectsAWrongPassword(String name, @TempDir Path dir)
            throws Exception {
        Path script = Path.of("peers", name); // the bench module's directory
        String version = PeerServer.installedVersion(script);
        assumeTrue(version != null, name + " is not installed (bench/peers/" + name + " install); skipping");
        PeerServer peer = new PeerServer(script, dir.resolve(name));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        PeerServer.Running running = peer.start(false);
        try {
            peer.createUsers(3);
            CONFIG.forEach((file, lines) -> {
                if (file.startsWith(name + "/")) {
                    assertThat(dir.resolve(file)).content().contains(lines);
                }
            });
            assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive))
                    .isPresent();
            CertificateTrust trust = CertificateTrust.of(running.certificate());
            XmppSession.Endpoint endpoint = new XmppSession.Endpoint(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), running.port()),
                    null,
                    SslContextBuilder.forClient().trustManager(trust).build(),
                    group,
                    Duration.ofSeconds(1));
            BlockingQueue<String> atB = new LinkedBlockingQueue<>();
            BlockingQueue<String> atA = new LinkedBlockingQueue<>();
            XmppSession a = XmppSession.connect(
                            endpoint,
                            new XmppSession.Account("localhost", "u00000", Bench.PASSWORD, "r0"),
                            (from, body, nanos) -> atA.add(from + " " + body))
                    .get(30, TimeUnit.SECONDS);
            XmppSession b = XmppSession.connect(
                            endpoint,
                            new XmppSession.Account("localhost", "u00001", Bench.PASSWORD, "r1"),
                            (from, body, nanos) -> atB.add(from + " " + body))
                    .get(30, TimeUnit.SECONDS);
            assertThat(a.jid()).isEqualTo("u00000@localhost/r0");
            assertThat(trust.chainsChecked()).isPositive();

            a.sendChat("u00001@localhost", "hello <b> & 鹊桥").get(10, TimeUnit.SECONDS);
            assertThat(atB.poll(10, TimeUnit.SECONDS)).isEqualTo("u00000@localhost/r0 hello <b> & 鹊桥");
            b.sendChat("u00000@localhost", "back").get(10, TimeUnit.SECONDS);
            assertThat(atA.poll(10, TimeUnit.SECONDS)).isEqualTo("u00001@localhost/r1 back");
            Thread.sleep(2500); // two heartbeats (XEP-0199 pings) later the sessions are still up
            assertThat(a.isOpen()).isTrue();

            assertThatThrownBy(() -> XmppSession.connect(
                                    endpoint,
                                    new XmppSession.Account("localhost", "u00002", "wrong", "r2"),
                                    (from, body, nanos) -> {})
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("not-authorized");
            a.close();
            b.close();
        } finally {
            peer.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive))
                .isEmpty();
    }
}
