package im.magpie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Creates the users and runs the scenarios in their fixed order: S1, S2 (each rate), S8, S5, S4, S7. */
final class Scenarios {
    private final Bench bench;
    private final Consumer<ScenarioResult> results;

    Scenarios(Bench bench, Consumer<ScenarioResult> results) {
        this.bench = bench;
        this.results = results;
    }

    void runAll() throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < p.users(); i++) {
            accounts.add(Bench.account(i));
        }
        accounts.add("catchup");
        long start = System.nanoTime();
        bench.admin.createUsers(accounts, Bench.PASSWORD);
        bench.log("created %d users in %.1f s", accounts.size(), (System.nanoTime() - start) / 1e9);

        List<Pair> pairs = Pair.open(bench, p.pairs());
        bench.log("%d pairs logged in", pairs.size());
        report(new ClosedLoop(bench).run(pairs));
        for (int rate : p.openRates()) {
            report(new OpenLoop(bench).run(pairs, rate));
        }
        List<Device> peers = Pair.devices(pairs);
        report(new CatchUp(bench).run(peers));
        LoginBurst.disconnectAll(peers);

        List<Device> devices = bench.devices(0, p.logins());
        report(new LoginBurst(bench).run(devices));
        report(new IdleSessions(bench).run(devices));
        report(new FanOut(bench).run(devices.subList(0, p.fanOutOnline())));
    }

    private void report(ScenarioResult r) {
        bench.log(
                "%s %s: msgs/s=%s p99=%s ms errors=%d lost=%d noisy=%s",
                r.scenario,
                r.title,
                ResultFiles.num(r.msgsPerS),
                r.latencyMs == null ? "" : ResultFiles.num(r.latencyMs.p99()),
                r.errors,
                r.lost,
                r.noisy);
        results.accept(r);
    }
}
