package im.magpie.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ours beside the peer, per scenario: the median figures of each over the rounds and the ratios ours / peer. S6
 * compares our S1 (ours is always durable) with the peer's loop against its durable configuration.
 */
final class Comparison {
    private Comparison() {}

    /** The figures compared. {@code serverCpuUsPerMsg}: the server and its database or helper processes. */
    record Figures(
            @Nullable Double msgsPerS,
            @Nullable Percentiles latencyMs,
            @Nullable Double serverCpuUsPerMsg,
            @Nullable Double loginsPerS,
            @Nullable Double serverCpuUsPerLogin,
            @Nullable Double rssKbPerSession,
            @Nullable Double idleCpuPercentOfCore,
            long errors,
            long lost,
            boolean noisy) {
        static Figures of(ScenarioResult r) {
            Latency l = r.latencyMs;
            return new Figures(
                    r.msgsPerS,
                    l == null ? null : new Percentiles(l.p50(), l.p99(), l.p999()),
                    r.serverDbCpuUsPerMsg,
                    r.loginsPerS,
                    r.serverDbCpuUsPerLogin,
                    r.rssKbPerSession,
                    r.idleCpuPercentOfCore,
                    r.errors,
                    r.lost,
                    r.noisy);
        }
    }

    record Percentiles(double p50, double p99, double p999) {}

    /** One scenario: ours, the peer, and ours / peer for every figure both have (a non-zero peer figure). */
    record Row(
            String scenario, String title, String peerName, Figures ours, Figures peer, Map<String, Double> ratios) {}

    /** S6: our S1 (always durable) beside the peer's S1 loop against its durable configuration. */
    static String s6Title(String peerName) {
        return "closed loop, window 1, durable (" + peerName + ": mod_mam archive on SQLite)";
    }

    static List<Row> rows(List<ScenarioResult> ours, List<ScenarioResult> peer, String peerName) {
        Map<String, ScenarioResult> oursByKey = new LinkedHashMap<>();
        for (ScenarioResult r : ours) {
            oursByKey.put(Medians.key(r), r);
        }
        List<Row> rows = new ArrayList<>();
        for (ScenarioResult p : peer) {
            ScenarioResult o = oursByKey.get(p.scenario.equals("S6") ? "S1" : Medians.key(p));
            if (o != null) {
                Figures of = Figures.of(o);
                Figures pf = Figures.of(p);
                rows.add(new Row(p.scenario, title(o, p, peerName), peerName, of, pf, ratios(of, pf)));
            }
        }
        return rows;
    }

    private static String title(ScenarioResult ours, ScenarioResult peer, String peerName) {
        if (peer.scenario.equals("S6")) {
            return s6Title(peerName);
        }
        return ours.title.equals(peer.title) ? ours.title : ours.title + "; " + peerName + ": " + peer.title;
    }

    static Map<String, Double> ratios(Figures ours, Figures peer) {
        Map<String, Double> r = new LinkedHashMap<>();
        put(r, "msgs_per_s", ours.msgsPerS(), peer.msgsPerS());
        Percentiles ol = ours.latencyMs();
        Percentiles pl = peer.latencyMs();
        if (ol != null && pl != null) {
            put(r, "latency_p50", ol.p50(), pl.p50());
            put(r, "latency_p99", ol.p99(), pl.p99());
            put(r, "latency_p999", ol.p999(), pl.p999());
        }
        put(r, "server_cpu_us_per_msg", ours.serverCpuUsPerMsg(), peer.serverCpuUsPerMsg());
        put(r, "logins_per_s", ours.loginsPerS(), peer.loginsPerS());
        put(r, "server_cpu_us_per_login", ours.serverCpuUsPerLogin(), peer.serverCpuUsPerLogin());
        put(r, "rss_kb_per_session", ours.rssKbPerSession(), peer.rssKbPerSession());
        put(r, "idle_cpu_percent_of_core", ours.idleCpuPercentOfCore(), peer.idleCpuPercentOfCore());
        return r;
    }

    private static void put(Map<String, Double> r, String name, @Nullable Double ours, @Nullable Double peer) {
        if (ours != null && peer != null && peer != 0) {
            r.put(name, Math.round(ours / peer * 1000) / 1000.0);
        }
    }
}
