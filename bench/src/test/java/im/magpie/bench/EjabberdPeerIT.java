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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XMPP client against a real ejabberd started by bench/peers/ejabberd. Skipped (with the reason) when ejabberd is
 * not installed: CI does not need it.
 */
@Tag("integration")
class EjabberdPeerIT {
    private static final Path SCRIPT = Path.of("peers", "ejabberd"); // the bench module's directory

    @Test
    void logsInOverDirectTlsExchangesChatMessagesAndRejectsAWrongPassword(@TempDir Path dir) throws Exception {
        String version = EjabberdPeer.installedVersion(SCRIPT);
        assumeTrue(version != null, "ejabberd is not installed (bench/peers/ejabberd install); skipping");
        EjabberdPeer peer = new EjabberdPeer(SCRIPT, dir.resolve("ejabberd"));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EjabberdPeer.Running running = peer.start(false);
        try {
            peer.createUsers(3);
            assertThat(Files.readString(dir.resolve("ejabberd/ejabberd.yml")))
                    .contains("ip: \"127.0.0.1\"", "s2s_access: none", "tls: true");
            assertThat(new ProcStat(Path.of("/proc")).descendants(running.pid()))
                    .isNotEmpty();
            XmppSession.Endpoint endpoint = new XmppSession.Endpoint(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), running.port()),
                    null,
                    SslContextBuilder.forClient()
                            .trustManager(running.certificate().toFile())
                            .build(),
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
