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
 * The peer-neutral scenarios against ejabberd, with the same pairing, sizes and schedule as ours: S1, S2 (each rate),
 * S5, S4 against the plain configuration (the "A" of a round), then S6 (the S1 loop) against the durable one.
 */
final class PeerScenarios {
    private final Params params;
    private final EjabberdPeer peer;
    private final EventLoopGroup group;
    private final PrintStream out;
    private final Consumer<ScenarioResult> results;

    PeerScenarios(
            Params params, EjabberdPeer peer, EventLoopGroup group, PrintStream out, Consumer<ScenarioResult> results) {
        this.params = params;
        this.peer = peer;
        this.group = group;
        this.out = out;
        this.results = results;
    }

    void round(int round) throws BenchFailedException, InterruptedException {
        EjabberdPeer.Running plain = peer.start(false);
        try {
            peer.createUsers(params.users()); // once per directory: the spool keeps them
            Bench bench = bench(plain);
            Reporter reporter = new Reporter(bench, results, EjabberdPeer.NAME, round);
            XmppTarget target = target(plain);
            List<XmppDevice> pairDevices = target.devices(0, 2 * params.pairs());
            List<Pair> pairs = target.pair(pairDevices);
            bench.log("%s: %d pairs logged in", EjabberdPeer.NAME, pairs.size());
            reporter.report(new ClosedLoop(bench).run(pairs));
            for (int rate : params.openRates()) {
                reporter.report(new OpenLoop(bench).run(pairs, rate));
            }
            SimDevice.disconnectAll(pairDevices);
            List<XmppDevice> logins = target.devices(0, params.logins());
            reporter.report(new LoginBurst(bench, "SASL PLAIN", null).run(logins, false));
            reporter.report(new IdleSessions(bench, null).run(logins));
        } finally {
            peer.stop();
        }
        EjabberdPeer.Running durable = peer.start(true);
        try {
            Bench bench = bench(durable);
            XmppTarget target = target(durable);
            List<XmppDevice> pairDevices = target.devices(0, 2 * params.pairs());
            List<Pair> pairs = target.pair(pairDevices);
            new Reporter(bench, results, EjabberdPeer.NAME, round)
                    .report(new ClosedLoop(bench).run(pairs, "S6", Comparison.S6_TITLE));
            SimDevice.disconnectAll(pairDevices);
        } finally {
            peer.stop();
        }
    }

    private Bench bench(EjabberdPeer.Running running) {
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

    private XmppTarget target(EjabberdPeer.Running running) throws BenchFailedException {
        SslContext tls;
        try {
            tls = SslContextBuilder.forClient()
                    .trustManager(running.certificate().toFile())
                    .build();
        } catch (SSLException e) {
            throw new BenchFailedException("cannot trust the ejabberd certificate: " + e.getMessage(), e);
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
