package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/run sessions} at a tiny size, end to end: a real server process, three generator child processes (five
 * sessions at most each, from 127.0.0.2, .3 and .4), password logins over TLS, heartbeats, the figures in the result
 * file and in latest.json.
 */
@Tag("integration")
class SessionsRunIT {
    @Test
    void holdsSessionsFromSeveralWorkerProcessesAndReportsThem(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = new BenchMain(new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(
                        "sessions",
                        "--set",
                        "users=5",
                        "--set",
                        "sessionCounts=12",
                        "--set",
                        "sessionsPerWorker=5",
                        "--set",
                        "holdSeconds=3",
                        "--results",
                        dir.resolve("results").toString(),
                        "--work",
                        dir.resolve("work").toString());

        assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("results"))) {
            file = files.filter(f -> f.toString().endsWith("-sessions.json"))
                    .findFirst()
                    .orElseThrow();
        }
        JsonNode s4 =
                new ObjectMapper().readTree(file.toFile()).path("scenarios").get(0);
        assertThat(s4.path("scenario").asText()).isEqualTo("S4");
        assertThat(s4.path("params").path("sessions").asInt()).isEqualTo(12);
        assertThat(s4.path("params").path("workers").asInt()).isEqualTo(3);
        assertThat(s4.path("params").path("logged_in").asInt()).isEqualTo(12);
        assertThat(s4.path("params").path("open_at_end").asInt()).isEqualTo(12);
        assertThat(s4.path("errors").asLong()).isZero();
        assertThat(s4.path("lost").asLong()).isZero();
        assertThat(s4.has("rss_kb_per_session")).isTrue();
        assertThat(s4.has("idle_cpu_percent_of_core")).isTrue();
        assertThat(s4.path("params").has("pongs_in_hold")).isTrue();
        assertThat(s4.path("params").path("nmt_committed_kb_per_session").isObject())
                .isTrue();
        JsonNode latest = new ObjectMapper()
                .readTree(dir.resolve("results").resolve("latest.json").toFile());
        assertThat(latest.path("scenarios")
                        .get(0)
                        .path("params")
                        .path("sessions")
                        .asInt())
                .isEqualTo(12);
    }
}
