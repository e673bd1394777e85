package im.magpie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.bench.sessions.SessionsWorker;
import im.magpie.client.net.Discovery;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.DiscoveryInfo;
import im.magpie.client.net.GatewaySettings;
import im.magpie.client.net.PinnedTrustManager;
import im.magpie.client.net.ServerAddress;
import im.magpie.client.net.TlsContexts;
import im.magpie.testsupport.ServerProcess;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench/run MODE [--peer auto|ejabberd|prosody|none] [--results DIR] [--work DIR] [--keep]}: starts a server on
 * a fresh data directory, creates the users, runs the scenarios of the mode ({@code smoke}, {@code quick},
 * {@code full}) — with the peer (ejabberd, or Prosody) side by side in the order A B A B when it runs — stops the
 * server and writes the results. Exit code 0 on
 * success, 1 when the harness failed, when the server's log table holds fewer messages than the generator saw
 * acknowledged ({@link MessageAudit}), and in smoke mode when a message was lost or a request failed; 2 on a usage
 * error.
 */
public final class BenchMain {
    private final PrintStream out;

    BenchMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("--role") && args[1].equals(SessionsWorker.ROLE)) {
            System.exit(worker(Arrays.asList(args).subList(2, args.length)));
        }
        System.exit(new BenchMain(System.out).run(args));
    }

    private static int worker(List<String> args) {
        try {
            return SessionsWorker.main(args);
        } catch (IOException | RuntimeException e) {
            System.out.println("sessions worker failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(
                    "usage: bench/run smoke|quick|full|sessions|logins [--peer auto|ejabberd|prosody|none] [--set NAME=VALUE]..."
                            + " [--results DIR]"
                            + " [--work DIR] [--keep]\n"
                            + e.getMessage());
            return 2;
        }
        try {
            List<ScenarioResult> results = runAll(options);
            List<String> unkept = MessageAudit.shortfalls(results);
            if (!unkept.isEmpty()) {
                out.println("[bench] FAILED: the server's log table holds fewer messages than the generator saw "
                        + "acknowledged: " + String.join("; ", unkept));
                return 1;
            }
            boolean clean = results.stream().allMatch(r -> r.lost == 0 && r.errors == 0);
            if (!clean) {
                out.println("[bench] WARNING: some scenario lost messages or had failed requests (see lost/errors)");
            }
            return clean || !options.params().mode().equals("smoke") ? 0 : 1;
        } catch (BenchFailedException | IOException | GeneralSecurityException | DiscoveryException e) {
            out.println("[bench] FAILED: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("[bench] interrupted");
            return 1;
        }
    }

    /** The shipped server options, then those of {@code MAGPIE_BENCH_SERVER_JAVA_OPTS} (to compare settings). */
    private static List<String> serverJvmOptions() throws IOException {
        String extra = System.getenv("MAGPIE_BENCH_SERVER_JAVA_OPTS");
        return ShippedJvmOptions.with(ShippedJvmOptions.load(), extra == null ? "" : extra);
    }

    private List<ScenarioResult> runAll(Options options)
            throws IOException, InterruptedException, BenchFailedException, GeneralSecurityException,
                    DiscoveryException {
        Params params = options.params();
        Instant startedAt = Instant.now();
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("magpie-bench-");
        if (params.mode().equals("sessions") || params.mode().equals("logins")) {
            return runAtScale(options, work, startedAt);
        }
        PeerChoice peer = peer(options.peer());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        List<ScenarioResult> results = new ArrayList<>();
        String serverVersion;
        Machine.Tls tls;
        try (ServerProcess server = new ServerProcess(work, params.heartbeatSeconds(), serverJvmOptions(), "")) {
            out.printf("[bench] %s run; server work directory %s%n", params.mode(), work);
            server.start();
            ObjectMapper json = new ObjectMapper();
            DiscoveryInfo info = new Discovery(HttpClient.newHttpClient(), json)
                    .fetch(ServerAddress.parse(server.discoveryAddress()));
            serverVersion = info.serverVersion();
            Bench bench = new Bench(params, accounting(server), out);
            Net net = net(info, group, callbacks);
            tls = new Machine.Tls(TlsFacts.server(new ProcStat(Path.of("/proc")), server.pid()), TlsFacts.of(net));
            MagpieTarget target = new MagpieTarget(
                    params,
                    net,
                    AdminApi.forDataDir(server.dataDir(), json),
                    new JvmProbe(Path.of(System.getProperty("java.home"))),
                    server.pid());
            try (MessageAudit audit =
                    MessageAudit.open(server.dataDir(), () -> net.acknowledged().sum())) {
                Scenarios ours = new Scenarios(bench, target, results::add, audit);
                ours.createUsers();
                if (peer == null) {
                    ours.round(1, true);
                } else {
                    PeerServer peerServer = new PeerServer(
                            peer.peer().script(), work.resolve(peer.peer().serverName()));
                    PeerScenarios theirs = new PeerScenarios(params, peer.peer(), peerServer, group, out, results::add);
                    for (int round = 1; round <= params.rounds(); round++) {
                        theirs.round(round); // A
                        ours.round(round, round == params.rounds()); // B
                    }
                }
            }
        } finally {
            io.netty.util.concurrent.Future<?> unused = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            callbacks.shutdownNow();
            if (!options.keep()) {
                deleteTree(work);
            }
        }
        ResultFiles.RunSet run = runSet(params.mode(), startedAt, Machine.facts(serverVersion, tls), results, peer);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(startedAt);
        Path file = new ResultFiles().write(options.results(), stamp, run);
        out.println(ResultFiles.markdown(run));
        out.println("[bench] results written to " + file);
        return results;
    }

    /**
     * {@code sessions}: S4 at each of the sessionCounts on a fresh server; {@code logins}: S5 at {@code logins} devices.
     * The results are also merged into latest.json.
     */
    private List<ScenarioResult> runAtScale(Options options, Path work, Instant startedAt)
            throws IOException, InterruptedException, BenchFailedException, DiscoveryException,
                    GeneralSecurityException {
        Params params = options.params();
        SessionsRun.Outcome outcome;
        try {
            outcome = params.mode().equals("logins")
                    ? new LoginsRun(params, out).run(work)
                    : new SessionsRun(params, out).run(work);
        } finally {
            if (!options.keep()) {
                deleteTree(work);
            }
        }
        ResultFiles.RunSet run = runSet(
                params.mode(),
                startedAt,
                Machine.facts(outcome.serverVersion(), outcome.tls()),
                outcome.results(),
                null);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(startedAt);
        ResultFiles files = new ResultFiles();
        Path file = files.write(options.results(), stamp, run);
        Path latest = files.mergeIntoLatest(options.results(), outcome.results());
        out.println(ResultFiles.markdown(run));
        out.println("[bench] results written to " + file + "; results at scale merged into " + latest);
        return outcome.results();
    }

    /** The peer of a side-by-side run set and its installed version. */
    record PeerChoice(Peer peer, String version) {}

    /**
     * The peer that runs beside ours, or null for ours alone: {@code auto} is ejabberd when it is installed (with a
     * message saying why not otherwise); a named peer must be installed.
     */
    private @Nullable PeerChoice peer(String option) throws BenchFailedException, InterruptedException {
        if (option.equals("none")) {
            return null;
        }
        Peer peer = option.equals("auto") ? Peer.EJABBERD : Peer.named(option);
        String version = PeerServer.installedVersion(peer.script());
        if (version == null && !option.equals("auto")) {
            throw new BenchFailedException(peer.serverName() + " is not installed: run " + peer.script() + " install");
        }
        if (version == null) {
            out.println("[bench] ejabberd is not installed: skipping the side-by-side comparison (install it with "
                    + "bench/peers/ejabberd install, or pass --peer none to silence this)");
            return null;
        }
        return new PeerChoice(peer, version);
    }

    /** Ours alone: every result as it came. With the peer: our medians, the comparison and the raw rounds. */
    static ResultFiles.RunSet runSet(
            String mode,
            Instant startedAt,
            Map<String, Object> machine,
            List<ScenarioResult> results,
            @Nullable PeerChoice peer) {
        if (peer == null) {
            return new ResultFiles.RunSet(mode, startedAt.toString(), machine, results);
        }
        String name = peer.peer().serverName();
        List<ScenarioResult> ours = Medians.of(results, Scenarios.SERVER);
        List<ScenarioResult> theirs = Medians.of(results, name);
        Map<String, Object> peerFacts = new LinkedHashMap<>();
        peerFacts.put("name", name);
        peerFacts.put("version", peer.version());
        peerFacts.put("order", "A B A B (peer, ours, peer, ours)");
        peerFacts.put("config", peer.peer().config());
        peerFacts.put("cpu", peer.peer().cpu());
        return new ResultFiles.RunSet(
                mode, startedAt.toString(), machine, ours, peerFacts, Comparison.rows(ours, theirs, name), results);
    }

    /** The gateway of discovery, reached over TLS pinned to the fingerprint discovery announced. */
    static Net net(DiscoveryInfo info, EventLoopGroup group, Executor callbacks) {
        TlsContexts tls = new TlsContexts(new PinnedTrustManager(info.certificateSha256(), Clock.systemUTC()));
        GatewaySettings settings = new GatewaySettings(
                info.gatewayHost(),
                info.gatewayPort(),
                tls.nettyContext(),
                "magpie-bench/0.1.0",
                Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        return new Net(settings, tls, group, callbacks);
    }

    static CpuAccounting accounting(ServerProcess server) {
        return new CpuAccounting(
                new ProcStat(Path.of("/proc")),
                server.pid(),
                ProcessHandle.current().pid(),
                server.dataDir().toString(),
                Machine.ticksPerSecond(),
                Runtime.getRuntime().availableProcessors());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
