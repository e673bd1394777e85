package im.magpie.bench;

import java.util.function.Consumer;

/** Labels each scenario result with its server and round, logs a one-line summary and hands it on. */
final class Reporter {
    private final Bench bench;
    private final Consumer<ScenarioResult> results;
    private final String server;
    private final int round;

    Reporter(Bench bench, Consumer<ScenarioResult> results, String server, int round) {
        this.bench = bench;
        this.results = results;
        this.server = server;
        this.round = round;
    }

    void report(ScenarioResult r) {
        r.server = server;
        r.round = round;
        bench.log(
                "%s %s %s (round %d): msgs/s=%s p99=%s ms errors=%d lost=%d noisy=%s",
                server,
                r.scenario,
                r.title,
                round,
                ResultFiles.num(r.msgsPerS),
                r.latencyMs == null ? "" : ResultFiles.num(r.latencyMs.p99()),
                r.errors,
                r.lost,
                r.noisy);
        results.accept(r);
    }
}
