package im.magpie.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes a run set as JSON ({@code <stamp>-<mode>.json}, and {@code latest.json}) and as a Markdown table. */
final class ResultFiles {
    private static final String LATEST = "latest";
    private final ObjectMapper json;

    ResultFiles() {
        this.json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * The whole run set: machine facts, then one object per scenario (ours; the medians of the rounds when the peer
     * ran too). With a peer: which one ({@code peer}), ours beside it per scenario ({@code comparison}: figures of
     * both and the ratios ours / peer) and every round's raw results in run order ({@code runs}, A B A B).
     */
    record RunSet(
            String mode,
            String startedAt,
            Map<String, Object> machine,
            List<ScenarioResult> scenarios,
            @Nullable Map<String, Object> peer,
            @Nullable List<Comparison.Row> comparison,
            @Nullable List<ScenarioResult> runs) {

        RunSet(String mode, String startedAt, Map<String, Object> machine, List<ScenarioResult> scenarios) {
            this(mode, startedAt, machine, scenarios, null, null, null);
        }
    }

    String toJson(RunSet run) throws IOException {
        return json.writeValueAsString(run);
    }

    /**
     * Writes both files under {@code dir}, and copies them to {@code latest.json}/{@code latest.md} for a full run and
     * to {@code latest-quick.json}/{@code latest-quick.md} for a quick run (ours alone or beside ejabberd; beside
     * another peer: {@code latest-<peer>.json}, {@code latest-<peer>-quick.json}); returns the JSON file.
     */
    Path write(Path dir, String stamp, RunSet run) throws IOException {
        Files.createDirectories(dir);
        String text = toJson(run) + "\n";
        Path file = dir.resolve(stamp + "-" + run.mode() + ".json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(stamp + "-" + run.mode() + ".md"), markdown(run), StandardCharsets.UTF_8);
        String latest = latestName(run.mode(), peerName(run));
        if (latest != null) {
            if (latest.equals(LATEST)) {
                text = withScaleResultsOf(dir.resolve(LATEST + ".json"), text);
            }
            Files.writeString(dir.resolve(latest + ".json"), text, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(latest + ".md"), markdown(run), StandardCharsets.UTF_8);
        }
        return file;
    }

    /**
     * Puts the S4-at-scale results of a {@code sessions} run or the S5-at-scale results of a {@code logins} run into
     * {@code latest.json} (created when missing), replacing earlier ones of the same N; the other scenarios stay as the last full run wrote them. Returns the file.
     */
    Path mergeIntoLatest(Path dir, List<ScenarioResult> scale) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LATEST + ".json");
        ObjectNode root = Files.exists(file)
                ? (ObjectNode) json.readTree(file.toFile())
                : json.createObjectNode().put("mode", "full");
        ArrayNode kept = json.createArrayNode();
        List<JsonNode> fresh = new ArrayList<>();
        for (ScenarioResult r : scale) {
            fresh.add(json.valueToTree(r));
        }
        for (JsonNode old : root.path("scenarios")) {
            boolean replaced = isScale(old) && fresh.stream().anyMatch(f -> sameScaleRun(f, old));
            if (!replaced) {
                kept.add(old);
            }
        }
        fresh.forEach(kept::add);
        root.set("scenarios", kept);
        Files.writeString(file, json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A full run's latest.json keeps the results at scale that earlier {@code sessions}/{@code logins} runs merged in. */
    private String withScaleResultsOf(Path previous, String text) throws IOException {
        if (!Files.exists(previous)) {
            return text;
        }
        JsonNode old;
        try {
            old = json.readTree(previous.toFile());
        } catch (IOException unreadable) {
            return text;
        }
        ObjectNode root = (ObjectNode) json.readTree(text);
        if (!(root.get("scenarios") instanceof ArrayNode scenarios)) {
            return text;
        }
        boolean any = false;
        for (JsonNode s : old.path("scenarios")) {
            if (isScale(s)) {
                scenarios.add(s);
                any = true;
            }
        }
        return any ? json.writeValueAsString(root) + "\n" : text;
    }

    /** S4 of a {@code sessions} run or S5 of a {@code logins} run. */
    private static boolean isScale(JsonNode scenario) {
        String run = scenario.path("params").path("run").asText();
        return (scenario.path("scenario").asText().equals("S4") && run.equals("sessions"))
                || (scenario.path("scenario").asText().equals("S5") && run.equals("logins"));
    }

    /** The same scenario, run and size (N sessions or N logins). */
    private static boolean sameScaleRun(JsonNode a, JsonNode b) {
        return a.path("scenario").equals(b.path("scenario"))
                && a.path("params").path("run").equals(b.path("params").path("run"))
                && a.path("params").path("sessions").equals(b.path("params").path("sessions"))
                && a.path("params").path("logins").equals(b.path("params").path("logins"));
    }

    /**
     * The name of the latest files a run of {@code mode} replaces: {@code latest} (full) and {@code latest-quick} hold
     * the runs of ours alone or beside ejabberd, the reference peer of issue 3; a run beside another peer has its own
     * ({@code latest-prosody}, {@code latest-prosody-quick}), so that it never replaces the reference.
     */
    static @Nullable String latestName(String mode, @Nullable String peer) {
        String prefix = peer == null || peer.equals(Peer.EJABBERD.serverName()) ? LATEST : LATEST + "-" + peer;
        return switch (mode) {
            case "full" -> prefix;
            case "quick" -> prefix + "-quick";
            default -> null;
        };
    }

    private static @Nullable String peerName(RunSet run) {
        Map<String, Object> peer = run.peer();
        return peer == null ? null : String.valueOf(peer.get("name"));
    }

    static String markdown(RunSet run) {
        StringBuilder md = new StringBuilder();
        md.append("Run `")
                .append(run.mode())
                .append("` started ")
                .append(run.startedAt())
                .append("\n\n");
        md.append("Machine: ");
        run.machine().forEach((k, v) -> md.append(k).append('=').append(v).append("; "));
        md.append("\n\n| scenario | msgs/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                + "| server+db CPU µs/msg | other figures | errors/lost | noisy |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : run.scenarios()) {
            Latency l = r.latencyMs;
            md.append("| ").append(r.scenario).append(' ').append(r.title);
            md.append(" | ").append(num(r.msgsPerS));
            md.append(" | ").append(l == null ? "" : num(l.p50()));
            md.append(" | ").append(l == null ? "" : num(l.p90()));
            md.append(" | ").append(l == null ? "" : num(l.p99()));
            md.append(" | ").append(l == null ? "" : num(l.p999()));
            md.append(" | ").append(l == null ? "" : num(l.max()));
            md.append(" | ").append(num(r.serverDbCpuUsPerMsg));
            md.append(" | ").append(others(r));
            md.append(" | ").append(r.errors).append('/').append(r.lost);
            md.append(" | ").append(r.noisy ? "**noisy**" : "no").append(" |\n");
        }
        List<Comparison.Row> rows = run.comparison();
        if (rows != null && !rows.isEmpty()) {
            comparison(md, rows);
        }
        return md.toString();
    }

    /** Ours beside the peer: one line per scenario and figure, medians over the rounds, ratio ours / peer. */
    static void comparison(StringBuilder md, List<Comparison.Row> rows) {
        String peer = rows.get(0).peerName();
        md.append("\nSide by side (medians of the rounds; CPU = server + its database or helper processes):\n\n");
        md.append("| scenario | figure | magpie | ")
                .append(peer)
                .append(" | magpie / ")
                .append(peer)
                .append(" |\n");
        md.append("|---|---|---|---|---|\n");
        for (Comparison.Row row : rows) {
            Comparison.Figures o = row.ours();
            Comparison.Figures p = row.peer();
            String name = row.scenario() + " " + row.title();
            line(md, name, "msgs/s", o.msgsPerS(), p.msgsPerS(), row.ratios().get("msgs_per_s"));
            Comparison.Percentiles ol = o.latencyMs();
            Comparison.Percentiles pl = p.latencyMs();
            if (ol != null && pl != null) {
                line(md, name, "p50 ms", ol.p50(), pl.p50(), row.ratios().get("latency_p50"));
                line(md, name, "p99 ms", ol.p99(), pl.p99(), row.ratios().get("latency_p99"));
                line(md, name, "p99.9 ms", ol.p999(), pl.p999(), row.ratios().get("latency_p999"));
            }
            line(
                    md,
                    name,
                    "CPU µs/msg",
                    o.serverCpuUsPerMsg(),
                    p.serverCpuUsPerMsg(),
                    row.ratios().get("server_cpu_us_per_msg"));
            line(
                    md,
                    name,
                    "logins/s",
                    o.loginsPerS(),
                    p.loginsPerS(),
                    row.ratios().get("logins_per_s"));
            line(
                    md,
                    name,
                    "CPU µs/login",
                    o.serverCpuUsPerLogin(),
                    p.serverCpuUsPerLogin(),
                    row.ratios().get("server_cpu_us_per_login"));
            line(
                    md,
                    name,
                    "RSS KB/session",
                    o.rssKbPerSession(),
                    p.rssKbPerSession(),
                    row.ratios().get("rss_kb_per_session"));
            line(
                    md,
                    name,
                    "idle CPU % of a core",
                    o.idleCpuPercentOfCore(),
                    p.idleCpuPercentOfCore(),
                    row.ratios().get("idle_cpu_percent_of_core"));
            if (o.noisy() || p.noisy()) {
                md.append("| ").append(name).append(" | noisy | ").append(o.noisy() ? "**noisy**" : "no");
                md.append(" | ").append(p.noisy() ? "**noisy**" : "no").append(" |  |\n");
            }
        }
    }

    private static void line(
            StringBuilder md,
            String name,
            String figure,
            @Nullable Double ours,
            @Nullable Double peer,
            @Nullable Double ratio) {
        if (ours == null && peer == null) {
            return;
        }
        md.append("| ").append(name).append(" | ").append(figure);
        md.append(" | ")
                .append(num(ours))
                .append(" | ")
                .append(num(peer))
                .append(" | ")
                .append(num(ratio));
        md.append(" |\n");
    }

    private static String others(ScenarioResult r) {
        StringBuilder s = new StringBuilder();
        append(s, "logins/s", r.loginsPerS);
        append(s, "password logins/s", r.passwordLoginsPerS);
        append(s, "server+db CPU µs/login", r.serverDbCpuUsPerLogin);
        append(s, "RSS KB/session", r.rssKbPerSession);
        append(s, "live heap KB/session", r.liveHeapKbPerSession);
        append(s, "idle CPU % of a core", r.idleCpuPercentOfCore);
        append(s, "catch-up ms", r.catchUpMs);
        if (r.notificationLatencyMs != null) {
            append(s, "notification p99 ms", r.notificationLatencyMs.p99());
        }
        if (r.ackLatencyMs != null) {
            append(s, "ack p99 ms", r.ackLatencyMs.p99());
        }
        r.params.forEach((k, v) -> append(s, k, v));
        return s.toString();
    }

    private static void append(StringBuilder s, String name, @Nullable Object value) {
        if (value != null) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(name).append(' ').append(value instanceof Double d ? num(d) : value);
        }
    }

    static String num(@Nullable Double v) {
        if (v == null) {
            return "";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
