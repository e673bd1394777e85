package im.magpie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.client.net.Discovery;
import im.magpie.client.net.DiscoveryException;
import im.magpie.client.net.DiscoveryInfo;
import im.magpie.client.net.ServerAddress;
import im.magpie.testsupport.ServerProcess;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run logins}: S5 at scale. A fresh server with the bench's cheap Argon2id
 * ({@link SessionsRun#BENCH_PASSWORD_HASHING}: N password logins at the production cost would take minutes of server
 * CPU, and they only hand out the tokens here), the pool of users created through the admin API, then
 * {@link LoginBurst#runAtScale} over {@code logins} devices (several per user), {@code loginParallel} at a time:
 * passwords, token re-login with full TLS handshakes, token re-login resuming each device's own TLS session (the
 * devices' TLS is {@link #DEVICE_TLS}). The
 * devices stay connected until each burst has finished (at most N sessions: one generator process, one source address
 * and well under its open-files limit at N = 10,000).
 */
final class LoginsRun {
    /**
     * The devices' TLS: OpenSSL when netty-tcnative loads (as the sessions workers), so that the generator's own
     * handshakes, which share the two cores with the server, cost a fraction of the JDK provider's; the server's side
     * of each handshake is the same TLS 1.3 either way. Each device still keeps its own context and ticket.
     */
    static final SslProvider DEVICE_TLS = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;

    private final Params params;
    private final PrintStream out;

    LoginsRun(Params params, PrintStream out) {
        this.params = params;
        this.out = out;
    }

    SessionsRun.Outcome run(Path work)
            throws IOException, InterruptedException, BenchFailedException, DiscoveryException,
                    GeneralSecurityException {
        List<ScenarioResult> results = new ArrayList<>();
        String extra = System.getenv("MAGPIE_BENCH_SERVER_JAVA_OPTS");
        List<String> jvmOptions = ShippedJvmOptions.with(ShippedJvmOptions.load(), extra == null ? "" : extra);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        try (ServerProcess server =
                new ServerProcess(work, params.heartbeatSeconds(), jvmOptions, SessionsRun.BENCH_PASSWORD_HASHING)) {
            out.printf("[bench] logins run; server work directory %s%n", work);
            server.start();
            ObjectMapper json = new ObjectMapper();
            DiscoveryInfo info = new Discovery(HttpClient.newHttpClient(), json)
                    .fetch(ServerAddress.parse(server.discoveryAddress()));
            Bench bench = new Bench(params, BenchMain.accounting(server), out);
            MagpieTarget target = new MagpieTarget(
                    params,
                    BenchMain.net(info, group, callbacks).withDeviceProvider(DEVICE_TLS),
                    AdminApi.forDataDir(server.dataDir(), json),
                    new JvmProbe(Path.of(System.getProperty("java.home"))),
                    server.pid());
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < params.users(); i++) {
                accounts.add(Bench.account(i));
            }
            target.admin().createUsers(accounts, Bench.PASSWORD);
            bench.log("created %d users; server process %d", accounts.size(), server.pid());
            ScenarioResult r = new LoginBurst(
                            bench, "token re-login", target.net().tls().trustManager()::chainsChecked)
                    .runAtScale(target.devices(0, params.logins()))
                    .param("run", "logins")
                    .param("server_jvm_options", String.join(" ", jvmOptions))
                    .param("password_hashing", "bench: Argon2id 64 KiB, 1 pass");
            new Reporter(bench, results::add, Scenarios.SERVER, 1).report(r);
            bench.log(
                    "S5 N=%d: full handshake %s logins/s, %s µs server+db CPU each; resumed %s logins/s, %s µs each",
                    params.logins(),
                    ResultFiles.num(r.loginsPerS),
                    ResultFiles.num(r.serverDbCpuUsPerLogin),
                    String.valueOf(r.params.get("resumed_logins_per_s")),
                    String.valueOf(r.params.get("resumed_server_db_cpu_us_per_login")));
            Machine.Tls tls = new Machine.Tls(
                    TlsFacts.server(new ProcStat(Path.of("/proc")), server.pid()), TlsFacts.of(target.net()));
            return new SessionsRun.Outcome(results, info.serverVersion(), tls);
        } finally {
            var unused = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            callbacks.shutdownNow();
        }
    }
}
