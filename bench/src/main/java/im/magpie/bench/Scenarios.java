package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Our server's scenarios in their fixed order: S1, S2 (each rate), S8, S5, S4, S7. In a side-by-side run set the
 * rounds repeat the peer-neutral ones (S1, S2, S5, S4) and add S8 and S7 (Magpie only) in the last round.
 */
final class Scenarios {
    static final String SERVER = "magpie";

    private final Bench bench;
    private final MagpieTarget target;
    private final Consumer<ScenarioResult> results;
    private final MessageAudit audit;
    private final List<MagpieDevice> pairDevices;
    private final List<MagpieDevice> loginDevices;

    /** {@code audit}: counts the stored messages after each scenario, beside the acknowledged sends. */
    Scenarios(Bench bench, MagpieTarget target, Consumer<ScenarioResult> results, MessageAudit audit) {
        this.bench = bench;
        this.target = target;
        this.results = results;
        this.audit = audit;
        Params p = bench.params;
        this.pairDevices = target.devices(0, 2 * p.pairs());
        this.loginDevices = target.devices(0, p.logins());
    }

    /** Creates the pool of users and the catch-up user through the admin API. */
    void createUsers() throws BenchFailedException, InterruptedException {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < bench.params.users(); i++) {
            accounts.add(Bench.account(i));
        }
        accounts.add("catchup");
        long start = System.nanoTime();
        target.admin().createUsers(accounts, Bench.PASSWORD);
        bench.log("created %d users in %.1f s", accounts.size(), (System.nanoTime() - start) / 1e9);
    }

    private void report(Reporter reporter, ScenarioResult r) throws BenchFailedException {
        reporter.report(audit.record(r));
    }

    /** One round; the pairs log in with passwords in round 1 and with their tokens afterwards. */
    void round(int round, boolean last) throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        Reporter reporter = new Reporter(bench, results, SERVER, round);
        List<Pair> pairs = target.pair(pairDevices, round > 1);
        bench.log("%d pairs logged in", pairs.size());
        report(reporter, new ClosedLoop(bench).run(pairs));
        for (int rate : p.openRates()) {
            report(reporter, new OpenLoop(bench).run(pairs, rate));
        }
        if (last) {
            report(reporter, new CatchUp(bench, target.net()).run(MagpieTarget.devicesOf(pairDevices)));
        }
        SimDevice.disconnectAll(pairDevices);

        report(
                reporter,
                new LoginBurst(bench, "token re-login", target.net().tls().trustManager()::chainsChecked)
                        .run(loginDevices, round == 1));
        report(reporter, new IdleSessions(bench, () -> target.jvm().liveHeapKb(target.serverPid())).run(loginDevices));
        if (last) {
            report(
                    reporter,
                    new FanOut(bench, target.admin())
                            .run(MagpieTarget.devicesOf(loginDevices.subList(0, p.fanOutOnline()))));
        }
    }
}
