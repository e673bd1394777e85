package im.magpie.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Merges the rounds of one server's scenarios into one result per scenario: the median of each figure over the rounds
 * (with two rounds, their mean), errors and losses summed, noisy when any round was.
 */
final class Medians {
    private Medians() {}

    /** Scenario S2 runs once per rate: the rate is part of the key. */
    static String key(ScenarioResult r) {
        Object rate = r.params.get("rate");
        return rate == null ? r.scenario : r.scenario + "@" + rate;
    }

    /** One merged result per key, in the order the keys first appear, of the results of {@code server}. */
    static List<ScenarioResult> of(List<ScenarioResult> all, String server) {
        Map<String, List<ScenarioResult>> byKey = new LinkedHashMap<>();
        for (ScenarioResult r : all) {
            if (server.equals(r.server)) {
                byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<ScenarioResult> merged = new ArrayList<>();
        for (List<ScenarioResult> rounds : byKey.values()) {
            merged.add(merge(rounds));
        }
        return merged;
    }

    static ScenarioResult merge(List<ScenarioResult> rounds) {
        ScenarioResult last = rounds.get(rounds.size() - 1);
        ScenarioResult m = new ScenarioResult(last.scenario, last.title);
        m.server = last.server;
        m.params.putAll(last.params);
        m.param("rounds", rounds.size());
        m.msgsPerS = median(rounds, r -> r.msgsPerS);
        Double messages = median(rounds, r -> r.messages == null ? null : r.messages.doubleValue());
        m.messages = messages == null ? null : Math.round(messages);
        m.latencyMs = latency(rounds, r -> r.latencyMs);
        m.ackLatencyMs = latency(rounds, r -> r.ackLatencyMs);
        m.notificationLatencyMs = latency(rounds, r -> r.notificationLatencyMs);
        m.serverCpuUsPerMsg = median(rounds, r -> r.serverCpuUsPerMsg);
        m.serverDbCpuUsPerMsg = median(rounds, r -> r.serverDbCpuUsPerMsg);
        m.loginsPerS = median(rounds, r -> r.loginsPerS);
        m.passwordLoginsPerS = median(rounds, r -> r.passwordLoginsPerS);
        m.serverDbCpuUsPerLogin = median(rounds, r -> r.serverDbCpuUsPerLogin);
        m.rssKbPerSession = median(rounds, r -> r.rssKbPerSession);
        m.liveHeapKbPerSession = median(rounds, r -> r.liveHeapKbPerSession);
        m.idleCpuPercentOfCore = median(rounds, r -> r.idleCpuPercentOfCore);
        m.catchUpMs = median(rounds, r -> r.catchUpMs);
        for (ScenarioResult r : rounds) {
            m.errors += r.errors;
            m.lost += r.lost;
            m.noisy |= r.noisy;
        }
        m.cpu = last.cpu;
        return m;
    }

    private static @Nullable Latency latency(
            List<ScenarioResult> rounds, Function<ScenarioResult, @Nullable Latency> field) {
        List<Latency> all = rounds.stream().map(field).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new Latency(
                Math.round(median(all.stream().map(l -> (double) l.count()).toList())),
                median(all.stream().map(Latency::p50).toList()),
                median(all.stream().map(Latency::p90).toList()),
                median(all.stream().map(Latency::p99).toList()),
                median(all.stream().map(Latency::p999).toList()),
                median(all.stream().map(Latency::max).toList()));
    }

    private static @Nullable Double median(List<ScenarioResult> rounds, Function<ScenarioResult, @Nullable Double> f) {
        List<Double> values = rounds.stream().map(f).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : median(values);
    }

    /** The median (the mean of the two middle values for an even count), to three decimals. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 1000) / 1000.0;
    }
}
