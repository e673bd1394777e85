package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
    @Test
    void writesNamedSnakeCaseFieldsPerScenarioAndLatest(@TempDir Path dir) throws Exception {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1_000_000L); // 1..1000 ms
        }
        ScenarioResult s2 = new ScenarioResult("S2", "open loop 1000 msg/s").param("rate", 1000);
        s2.msgsPerS = 999.5;
        s2.latencyMs = Latency.of(h);
        s2.serverCpuUsPerMsg = 80.5;
        s2.cpu(new CpuAccounting.Usage(10, 1, 2, 3, 4, 0.3, true, 5, 3, 2));
        ScenarioResult s4 = new ScenarioResult("S4", "idle sessions");
        s4.rssKbPerSession = 12.5;
        ResultFiles.RunSet run =
                new ResultFiles.RunSet("full", "2026-01-01T00:00:00Z", Map.of("cores", 2), List.of(s2, s4));

        Path file = new ResultFiles().write(dir, "20260101-000000", run);

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("latest.json")));
        assertThat(file).exists().hasFileName("20260101-000000-full.json");
        assertThat(dir.resolve("20260101-000000-full.md")).exists();
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        JsonNode first = json.path("scenarios").get(0);
        assertThat(first.path("scenario").asText()).isEqualTo("S2");
        assertThat(first.path("msgs_per_s").asDouble()).isEqualTo(999.5);
        assertThat(first.path("server_cpu_us_per_msg").asDouble()).isEqualTo(80.5);
        assertThat(first.path("latency_ms").path("p50").asDouble()).isBetween(499.0, 501.0);
        assertThat(first.path("latency_ms").path("p999").asDouble()).isBetween(998.0, 1000.5);
        assertThat(first.path("latency_ms").path("max").asDouble()).isBetween(999.0, 1000.5);
        assertThat(first.path("noisy").asBoolean()).isTrue();
        assertThat(first.path("params").path("rate").asInt()).isEqualTo(1000);
        assertThat(first.has("rss_kb_per_session")).isFalse();
        assertThat(json.path("scenarios").get(1).path("rss_kb_per_session").asDouble())
                .isEqualTo(12.5);
        assertThat(ResultFiles.latestName("quick", null)).isEqualTo("latest-quick");
        assertThat(ResultFiles.latestName("smoke", null)).isNull();
        assertThat(ResultFiles.markdown(run))
                .contains("| S2 open loop 1000 msg/s | 1000 |")
                .contains("**noisy**");
    }

    @Test
    void aSessionsRunMergesItsScaleResultsIntoLatestAndAFullRunKeepsThem(@TempDir Path dir) throws Exception {
        ResultFiles files = new ResultFiles();
        ScenarioResult s1 = new ScenarioResult("S1", "closed loop");
        s1.msgsPerS = 800.0;
        files.write(dir, "20260101-000000", new ResultFiles.RunSet("full", "t0", Map.of(), List.of(s1)));

        files.mergeIntoLatest(dir, List.of(scale(10_000, 9.0), scale(19_000, 8.0)));
        files.mergeIntoLatest(dir, List.of(scale(19_000, 7.5)));

        JsonNode merged = new ObjectMapper().readTree(dir.resolve("latest.json").toFile());
        assertThat(merged.path("scenarios")).hasSize(3);
        assertThat(merged.path("scenarios").get(0).path("msgs_per_s").asDouble())
                .isEqualTo(800.0);
        assertThat(merged.path("scenarios")
                        .get(1)
                        .path("params")
                        .path("sessions")
                        .asInt())
                .isEqualTo(10_000);
        JsonNode at19k = merged.path("scenarios").get(2);
        assertThat(at19k.path("rss_kb_per_session").asDouble()).isEqualTo(7.5);
        assertThat(at19k.path("lost").asLong()).isZero();

        ScenarioResult s1again = new ScenarioResult("S1", "closed loop");
        s1again.msgsPerS = 900.0;
        files.write(dir, "20260102-000000", new ResultFiles.RunSet("full", "t1", Map.of(), List.of(s1again)));

        JsonNode next = new ObjectMapper().readTree(dir.resolve("latest.json").toFile());
        assertThat(next.path("started_at").asText()).isEqualTo("t1");
        assertThat(next.path("scenarios")).hasSize(3);
        assertThat(next.path("scenarios").get(0).path("msgs_per_s").asDouble()).isEqualTo(900.0);
        assertThat(next.path("scenarios").get(2).path("rss_kb_per_session").asDouble())
                .isEqualTo(7.5);
    }

    @Test
    void aLoginsRunReplacesOnlyTheLoginBurstAtItsSize(@TempDir Path dir) throws Exception {
        ResultFiles files = new ResultFiles();
        files.mergeIntoLatest(dir, List.of(scale(19_000, 8.0), logins(10_000, 300.0)));
        files.mergeIntoLatest(dir, List.of(logins(10_000, 900.0)));

        JsonNode merged = new ObjectMapper().readTree(dir.resolve("latest.json").toFile());
        assertThat(merged.path("scenarios")).hasSize(2);
        assertThat(merged.path("scenarios").get(0).path("scenario").asText()).isEqualTo("S4");
        assertThat(merged.path("scenarios").get(1).path("logins_per_s").asDouble())
                .isEqualTo(900.0);
    }

    private static ScenarioResult logins(int n, double perSecond) {
        ScenarioResult r = new ScenarioResult("S5", "login burst (token re-login)")
                .param("run", "logins")
                .param("logins", n);
        r.loginsPerS = perSecond;
        return r;
    }

    private static ScenarioResult scale(int n, double rss) {
        ScenarioResult r = new ScenarioResult("S4", "idle sessions, N = " + n)
                .param("run", "sessions")
                .param("sessions", n);
        r.rssKbPerSession = rss;
        r.idleCpuPercentOfCore = 1.0;
        return r;
    }
}
