package im.magpie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.client.net.Discovery;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.DiscoveryInfo;
import im.magpie.client.net.ServerAddress;
import im.magpie.testsupport.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench/run sessions}: S4 at scale. One data directory; the users are created once (with cheap Argon2id
 * parameters, see {@link #BENCH_PASSWORD_HASHING}); then, for every N of {@code sessionCounts}, the server process is
 * restarted (same data, fresh JVM and heap) and {@link IdleSessionsAtScale} holds N sessions on it. Every N but the
 * last is held {@code idleSeconds}, the last {@code holdSeconds}.
 */
final class SessionsRun {
    /**
     * The bench server's Argon2id cost (64 KiB, one pass) instead of the production 12 MiB × 3 (~40 ms of CPU per hash):
     * 19,000 password logins would otherwise cost ~14 minutes of server CPU before the first idle second. Only the bench
     * users' hashes are cheap; the login path is otherwise the production one.
     */
    static final String BENCH_PASSWORD_HASHING = """
            password_hashing:
              memory_kib: 64
              iterations: 1
            """;

    /**
     * The server JVM: the shipped options ({@link ShippedJvmOptions}), native memory tracking for the per-session
     * table, and the options of {@code MAGPIE_BENCH_SERVER_JAVA_OPTS} (space-separated; e.g. GC settings to compare)
     * after them.
     */
    static List<String> serverJvmOptions(List<String> shipped, @Nullable String extra) {
        return ShippedJvmOptions.with(shipped, "-XX:NativeMemoryTracking=summary", extra == null ? "" : extra);
    }

    /** The results, the server's version and the TLS implementations of the run. */
    record Outcome(List<ScenarioResult> results, String serverVersion, Machine.Tls tls) {}

    private final Params params;
    private final PrintStream out;

    SessionsRun(Params params, PrintStream out) {
        this.params = params;
        this.out = out;
    }

    Outcome run(Path work) throws IOException, InterruptedException, BenchFailedException, DiscoveryException {
        List<ScenarioResult> results = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<String> jvmOptions =
                serverJvmOptions(ShippedJvmOptions.load(), System.getenv("MAGPIE_BENCH_SERVER_JAVA_OPTS"));
        try (ServerProcess server =
                new ServerProcess(work, params.heartbeatSeconds(), jvmOptions, BENCH_PASSWORD_HASHING)) {
            out.printf("[bench] sessions run; server work directory %s%n", work);
            server.start();
            DiscoveryInfo info = discover(server, json);
            createUsers(server, json);
            Machine.Tls tls = new Machine.Tls(
                    TlsFacts.server(new ProcStat(Path.of("/proc")), server.pid()), TlsFacts.defaultClient());
            List<Integer> counts = params.sessionCounts();
            for (int i = 0; i < counts.size(); i++) {
                int n = counts.get(i);
                boolean last = i == counts.size() - 1;
                server.stop();
                server.start();
                List<Long> workerPids = new CopyOnWriteArrayList<>();
                CpuAccounting cpu = BenchMain.accounting(server).withGenerators(() -> List.copyOf(workerPids));
                Bench bench = new Bench(params, cpu, out);
                bench.log("fresh server process %d; %d sessions", server.pid(), n);
                IdleSessionsAtScale s4 = new IdleSessionsAtScale(
                        bench,
                        new JvmProbe(Path.of(System.getProperty("java.home"))),
                        server.pid(),
                        new IdleSessionsAtScale.Gateway(
                                info.gatewayHost(), info.gatewayPort(), info.certificateSha256()),
                        work,
                        workerPids);
                ScenarioResult r = s4.run(n, last ? params.holdSeconds() : params.idleSeconds())
                        .param("server_jvm_options", String.join(" ", jvmOptions));
                new Reporter(bench, results::add, Scenarios.SERVER, 1).report(r);
                bench.log(
                        "S4 N=%d: RSS %s KB/session, live heap %s KB/session, idle CPU %s %% of a core (%s server µs"
                                + " per ping), lost %d, failed logins %d",
                        n,
                        ResultFiles.num(r.rssKbPerSession),
                        ResultFiles.num(r.liveHeapKbPerSession),
                        ResultFiles.num(r.idleCpuPercentOfCore),
                        r.params.getOrDefault("server_cpu_us_per_ping", "-"),
                        r.lost,
                        r.errors);
            }
            return new Outcome(results, info.serverVersion(), tls);
        }
    }

    private static DiscoveryInfo discover(ServerProcess server, ObjectMapper json)
            throws DiscoveryException, InterruptedException {
        return new Discovery(HttpClient.newHttpClient(), json).fetch(ServerAddress.parse(server.discoveryAddress()));
    }

    private void createUsers(ServerProcess server, ObjectMapper json)
            throws IOException, BenchFailedException, InterruptedException {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < params.users(); i++) {
            accounts.add(Bench.account(i));
        }
        long start = System.nanoTime();
        try {
            AdminApi.forDataDir(server.dataDir(), json).createUsers(accounts, Bench.PASSWORD);
        } catch (GeneralSecurityException e) {
            throw new BenchFailedException("cannot reach the admin API: " + e.getMessage(), e);
        }
        out.printf("[bench] created %d users in %.1f s%n", accounts.size(), (System.nanoTime() - start) / 1e9);
    }
}
