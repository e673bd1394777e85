package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A B A B rounds merged into medians, ours beside the peer with ratios, in latest.json and the Markdown table. */
class SideBySideTest {
    private static ScenarioResult s1(String server, int round, double msgs, double p99, double cpu, boolean noisy) {
        return loop("S1", server, round, msgs, p99, cpu, noisy);
    }

    private static ScenarioResult loop(
            String scenario, String server, int round, double msgs, double p99, double cpu, boolean noisy) {
        ScenarioResult r = new ScenarioResult(scenario, "closed loop, window 1").param("pairs", 50);
        r.server = server;
        r.round = round;
        r.msgsPerS = msgs;
        r.latencyMs = new Latency(10, 1, 2, p99, p99 * 2, p99 * 3);
        r.serverDbCpuUsPerMsg = cpu;
        r.noisy = noisy;
        return r;
    }

    private static ScenarioResult s2(String server, int round, int rate, double p50) {
        ScenarioResult r = new ScenarioResult("S2", "open loop " + rate + " msg/s").param("rate", rate);
        r.server = server;
        r.round = round;
        r.msgsPerS = (double) rate;
        r.latencyMs = new Latency(10, p50, p50, p50, p50, p50);
        return r;
    }

    private static List<ScenarioResult> abab() {
        return abab("ejabberd");
    }

    private static List<ScenarioResult> abab(String peer) {
        List<ScenarioResult> all = new ArrayList<>();
        all.add(s1(peer, 1, 1000, 10, 200, false));
        all.add(s2(peer, 1, 1000, 4));
        all.add(loop("S6", peer, 1, 100, 50, 900, false));
        all.add(s1("magpie", 1, 2000, 4, 100, true));
        all.add(s2("magpie", 1, 1000, 1));
        all.add(s1(peer, 2, 3000, 30, 400, false));
        all.add(s2(peer, 2, 1000, 8));
        all.add(s1("magpie", 2, 4000, 8, 300, false));
        all.add(s2("magpie", 2, 1000, 3));
        return all;
    }

    @Test
    void mediansMergeTheRoundsOfOneServerPerScenarioAndRate() {
        List<ScenarioResult> ours = Medians.of(abab(), "magpie");
        assertThat(ours).extracting(Medians::key).containsExactly("S1", "S2@1000");
        ScenarioResult s1 = ours.get(0);
        assertThat(s1.msgsPerS).isEqualTo(3000.0);
        assertThat(s1.latencyMs).extracting(Latency::p99).isEqualTo(6.0);
        assertThat(s1.serverDbCpuUsPerMsg).isEqualTo(200.0);
        assertThat(s1.noisy).isTrue(); // round 1 was
        assertThat(s1.params).containsEntry("rounds", 2).containsEntry("pairs", 50);
        assertThat(Medians.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void comparisonPutsOursBesideThePeerWithRatiosAndS6AgainstOurS1() {
        List<Comparison.Row> rows =
                Comparison.rows(Medians.of(abab(), "magpie"), Medians.of(abab(), "ejabberd"), "ejabberd");
        assertThat(rows).extracting(Comparison.Row::scenario).containsExactly("S1", "S2", "S6");
        Comparison.Row s1 = rows.get(0);
        assertThat(s1.ours().msgsPerS()).isEqualTo(3000.0);
        assertThat(s1.peer().msgsPerS()).isEqualTo(2000.0);
        assertThat(s1.ratios()).containsEntry("msgs_per_s", 1.5).containsEntry("server_cpu_us_per_msg", 0.667);
        assertThat(s1.ratios()).containsEntry("latency_p99", 0.3); // 6 / 20
        Comparison.Row s6 = rows.get(2);
        assertThat(s6.ours().msgsPerS()).isEqualTo(3000.0); // ours is always durable: our S1
        assertThat(s6.ratios()).containsEntry("msgs_per_s", 30.0);
        assertThat(s6.ratios()).doesNotContainKey("logins_per_s");
    }

    @Test
    void latestJsonNamesOursThePeerAndTheRatiosPerScenario(@TempDir Path dir) throws Exception {
        ResultFiles.RunSet run = BenchMain.runSet(
                "full", Instant.EPOCH, Map.of("cores", 2), abab(), new BenchMain.PeerChoice(Peer.EJABBERD, "23.01-1"));
        new ResultFiles().write(dir, "19700101-000000", run);

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("latest.json")));
        assertThat(json.path("peer").path("version").asText()).isEqualTo("23.01-1");
        assertThat(json.path("scenarios").get(0).path("msgs_per_s").asDouble()).isEqualTo(3000.0);
        assertThat(json.path("runs")).hasSize(9);
        JsonNode s1 = json.path("comparison").get(0);
        assertThat(s1.path("scenario").asText()).isEqualTo("S1");
        assertThat(s1.path("ours").path("msgs_per_s").asDouble()).isEqualTo(3000.0);
        assertThat(s1.path("ours").path("latency_ms").path("p999").asDouble()).isEqualTo(12.0);
        assertThat(s1.path("peer").path("server_cpu_us_per_msg").asDouble()).isEqualTo(300.0);
        assertThat(s1.path("peer").path("noisy").asBoolean()).isFalse();
        assertThat(s1.path("ratios").path("msgs_per_s").asDouble()).isEqualTo(1.5);
        assertThat(Files.readString(dir.resolve("latest.md")))
                .contains("| scenario | figure | magpie | ejabberd | magpie / ejabberd |")
                .contains("| S1 closed loop, window 1 | msgs/s | 3000 | 2000 | 1.50 |");
    }

    @Test
    void aRunBesideProsodyHasItsOwnLatestFilesAndLeavesTheEjabberdReferenceAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("latest.json"), "{\"reference\": true}\n");
        ResultFiles.RunSet run = BenchMain.runSet(
                "full",
                Instant.EPOCH,
                Map.of("cores", 2),
                abab("prosody"),
                new BenchMain.PeerChoice(Peer.PROSODY, "0.12.3-1+deb12u1"));
        new ResultFiles().write(dir, "19700101-000000", run);

        assertThat(Files.readString(dir.resolve("latest.json"))).isEqualTo("{\"reference\": true}\n");
        assertThat(dir.resolve("latest.md")).doesNotExist();
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("latest-prosody.json")));
        assertThat(json.path("peer").path("name").asText()).isEqualTo("prosody");
        assertThat(json.path("peer").path("config").asText()).contains("nagle = false", "opportunistic_writes");
        assertThat(json.path("comparison").get(2).path("title").asText())
                .isEqualTo("closed loop, window 1, durable (prosody: mod_mam archive on SQLite)");
        assertThat(Files.readString(dir.resolve("latest-prosody.md")))
                .contains("| scenario | figure | magpie | prosody | magpie / prosody |");
        assertThat(ResultFiles.latestName("quick", "prosody")).isEqualTo("latest-prosody-quick");
        assertThat(ResultFiles.latestName("quick", "ejabberd")).isEqualTo("latest-quick");
    }
}
