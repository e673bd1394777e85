package im.magpie.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one scenario run. Serialized with snake_case names ({@code msgs_per_s}, {@code latency_ms},
 * {@code server_cpu_us_per_msg}, …); figures a scenario does not measure stay null and are left out.
 */
final class ScenarioResult {
    final String scenario;
    final String title;

    /** The server measured ({@code magpie}, {@code ejabberd}) and the round of the run set (A B A B: 1, 2). */
    @Nullable
    String server;

    int round;

    final Map<String, Object> params = new LinkedHashMap<>();

    @Nullable
    Double msgsPerS;

    @Nullable
    Long messages;

    @Nullable
    Latency latencyMs;

    @Nullable
    Latency ackLatencyMs;

    @Nullable
    Latency notificationLatencyMs;

    @Nullable
    Double serverCpuUsPerMsg;

    @Nullable
    Double serverDbCpuUsPerMsg;

    @Nullable
    Double loginsPerS;

    @Nullable
    Double passwordLoginsPerS;

    @Nullable
    Double serverDbCpuUsPerLogin;

    @Nullable
    Double rssKbPerSession;

    @Nullable
    Double liveHeapKbPerSession;

    @Nullable
    Double idleCpuPercentOfCore;

    @Nullable
    Double catchUpMs;

    long errors;
    long lost;

    @Nullable
    Cpu cpu;

    boolean noisy;

    ScenarioResult(String scenario, String title) {
        this.scenario = scenario;
        this.title = title;
    }

    ScenarioResult param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Records the window's CPU and the noisy flag. */
    void cpu(CpuAccounting.Usage usage) {
        this.cpu = Cpu.of(usage);
        this.noisy = usage.noisy();
    }

    /** CPU of the measured window, in microseconds, and the share of the machine other processes used. */
    record Cpu(
            double seconds,
            long serverUs,
            long postgresUs,
            long generatorUs,
            long othersUs,
            double othersShareOfMachine,
            long serverRssDeltaKb,
            int postgresProcesses) {
        static Cpu of(CpuAccounting.Usage u) {
            return new Cpu(
                    Math.round(u.seconds() * 1000) / 1000.0,
                    u.serverUs(),
                    u.postgresUs(),
                    u.generatorUs(),
                    u.othersUs(),
                    Math.round(u.othersShare() * 1000) / 1000.0,
                    u.serverRssDeltaKb(),
                    u.postgresProcesses());
        }
    }
}
