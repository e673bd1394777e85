package im.magpie.bench;

import im.magpie.bench.xmpp.XmppSession;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The peer-neutral scenarios against a peer XMPP server (ejabberd, Prosody), with the same pairing, sizes and schedule
 * as ours: S1, S2 (each rate), S5, S4 against the plain configuration (the "A" of a round), then S6 (the S1 loop)
 * against the durable one.
 */
final class PeerScenarios {
    private final Params params;
    private final Peer peer;
    private final PeerServer server;
    private final EventLoopGroup group;
    private final PrintStream out;
    private final Consumer<ScenarioResult> results;

    PeerScenarios(
            Params params,
            Peer peer,
            PeerServer server,
            EventLoopGroup group,
            PrintStream out,
            Consumer<ScenarioResult> results) {
        this.params = params;
        this.peer = peer;
        this.server = server;
        this.group = group;
        this.out = out;
        this.results = results;
    }

    void round(int round) throws BenchFailedException, InterruptedException {
        String name = peer.serverName();
        PeerServer.Running plain = server.start(false);
        try {
            server.createUsers(params.users()); // once per directory: the stored users stay
            Bench bench = bench(plain);
            Reporter reporter = new Reporter(bench, results, name, round);
            CertificateTrust trust = CertificateTrust.of(plain.certificate());
            XmppTarget target = target(plain, trust);
            List<XmppDevice> pairDevices = target.devices(0, 2 * params.pairs());
            List<Pair> pairs = target.pair(pairDevices);
            bench.log("%s: %d pairs logged in", name, pairs.size());
            reporter.report(new ClosedLoop(bench).run(pairs));
            for (int rate : params.openRates()) {
                reporter.report(new OpenLoop(bench).run(pairs, rate));
            }
            SimDevice.disconnectAll(pairDevices);
            List<XmppDevice> logins = target.devices(0, params.logins());
            reporter.report(new LoginBurst(bench, "SASL PLAIN", trust::chainsChecked).run(logins, false));
            reporter.report(new IdleSessions(bench, null).run(logins));
        } finally {
            server.stop();
        }
        PeerServer.Running durable = server.start(true);
        try {
            Bench bench = bench(durable);
            XmppTarget target = target(durable, CertificateTrust.of(durable.certificate()));
            List<XmppDevice> pairDevices = target.devices(0, 2 * params.pairs());
            List<Pair> pairs = target.pair(pairDevices);
            new Reporter(bench, results, name, round)
                    .report(new ClosedLoop(bench).runDurable(pairs, Comparison.s6Title(name)));
            SimDevice.disconnectAll(pairDevices);
        } finally {
            server.stop();
        }
    }

    private Bench bench(PeerServer.Running running) {
        ProcStat proc = new ProcStat(Path.of("/proc"));
        CpuAccounting cpu = new CpuAccounting(
                proc,
                running.pid(),
                ProcessHandle.current().pid(),
                () -> proc.descendants(running.pid()),
                Machine.ticksPerSecond(),
                Runtime.getRuntime().availableProcessors());
        return new Bench(params, cpu, out);
    }

    private XmppTarget target(PeerServer.Running running, CertificateTrust trust) throws BenchFailedException {
        SslContext tls;
        try {
            tls = SslContextBuilder.forClient().trustManager(trust).build();
        } catch (SSLException e) {
            throw new BenchFailedException(
                    "cannot trust the " + peer.serverName() + " certificate: " + e.getMessage(), e);
        }
        XmppSession.Endpoint endpoint = new XmppSession.Endpoint(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), running.port()),
                null,
                tls,
                group,
                Duration.ofSeconds(params.heartbeatSeconds()));
        return new XmppTarget(endpoint, "localhost", params.users());
    }
}
