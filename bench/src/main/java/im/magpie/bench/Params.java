package im.magpie.bench;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Sizes, rates and windows of a run set. Presets: {@code smoke} (seconds, proves the harness works, one round),
 * {@code quick} (under 3 minutes) and {@code full} (under 20 minutes), each with two rounds A B A B when the peer
 * runs too ({@code rounds}: how many times the peer-neutral scenarios repeat per server), and {@code sessions} (S4 at
 * {@code sessionCounts} sessions only, each on a freshly started server; about 25 minutes) and {@code logins} (S5 at
 * {@code logins} devices only).
 *
 * <p>Warm-ups, not counted: the closed loop S1 runs at least {@code closedWarmupS} seconds and then on until
 * {@code closedWarmupMessages} messages were delivered since it started, but at most {@code closedWarmupMaxS} seconds
 * (the count is what gets a JIT-compiled server and generator warm, whatever the rate; the cap bounds a slow server);
 * S6, the loop against a peer's durable configuration, warms up for {@code closedWarmupS}. A login burst (S5) is
 * preceded by a burst of {@code loginWarmup} token logins (the first devices) that is not counted.
 */
record Params(
        String mode,
        int users,
        int pairs,
        int bodySize,
        int heartbeatSeconds,
        int closedWarmupS,
        int closedWarmupMessages,
        int closedWarmupMaxS,
        int closedMeasureS,
        List<Integer> openRates,
        int openWarmupS,
        int openMeasureS,
        int catchUpMessages,
        int catchUpConversations,
        int logins,
        int loginParallel,
        int loginWarmup,
        int idleSeconds,
        int fanOutOnline,
        int fanOutMessages,
        int fanOutRate,
        int rounds,
        List<Integer> sessionCounts,
        int holdSeconds,
        int sessionsPerWorker) {

    /** At most this many sessions per generator process (≤ 20,000 open files per process, one source address each). */
    static final int SESSIONS_PER_WORKER = 9_500;

    static Params preset(String mode) {
        return switch (mode) {
            case "smoke" ->
                new Params(
                        mode,
                        12,
                        3,
                        100,
                        30,
                        1,
                        0,
                        1,
                        2,
                        List.of(50),
                        1,
                        2,
                        30,
                        3,
                        12,
                        200,
                        0,
                        2,
                        6,
                        5,
                        10,
                        1,
                        List.of(),
                        0,
                        SESSIONS_PER_WORKER);
            case "quick" ->
                new Params(
                        mode,
                        100,
                        50,
                        100,
                        15,
                        2,
                        20_000,
                        12,
                        4,
                        List.of(3000),
                        1,
                        4,
                        1000,
                        100,
                        100,
                        100,
                        100,
                        5,
                        50,
                        40,
                        20,
                        2,
                        List.of(),
                        0,
                        SESSIONS_PER_WORKER);
            case "full" ->
                new Params(
                        mode,
                        2000,
                        50,
                        100,
                        15,
                        5,
                        100_000,
                        30,
                        20,
                        List.of(1000, 3000),
                        5,
                        20,
                        10000,
                        100,
                        1000,
                        200,
                        1000,
                        30,
                        500,
                        200,
                        10,
                        2,
                        List.of(),
                        0,
                        SESSIONS_PER_WORKER);
            // S4 at scale only: 2,000 users with ~5 and ~10 devices each; every N but the last is held idleSeconds,
            // the last (19,000) holdSeconds; heartbeat at the server's default (60 s, ADR 0010).
            case "sessions" ->
                new Params(
                        mode,
                        2000,
                        1,
                        100,
                        60,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        200,
                        0,
                        60,
                        0,
                        0,
                        0,
                        1,
                        List.of(10_000, 19_000),
                        600,
                        SESSIONS_PER_WORKER);
            // S5 at scale only: 10,000 devices of 2,000 users (cheap password hashing), 200 logins in flight.
            case "logins" ->
                new Params(
                        mode,
                        2000,
                        1,
                        100,
                        30,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        0,
                        0,
                        0,
                        0,
                        10_000,
                        200,
                        2000,
                        0,
                        0,
                        0,
                        0,
                        1,
                        List.of(),
                        0,
                        SESSIONS_PER_WORKER);
            default ->
                throw new IllegalArgumentException("mode must be smoke, quick, full, sessions or logins, not " + mode);
        };
    }

    /**
     * A copy with one field replaced, by its record component name ({@code pairs=20}, {@code openRates=500,2000}):
     * integers, or comma-separated integers for the list.
     */
    Params with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set needs NAME=VALUE, not " + assignment);
        }
        String name = assignment.substring(0, eq);
        String value = assignment.substring(eq + 1);
        RecordComponent[] components = Params.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(components[i]);
            if (components[i].getName().equals(name) && !name.equals("mode")) {
                values[i] = parse(types[i], value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        try {
            return Params.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy the parameters", e);
        }
    }

    private Object read(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read parameter " + component.getName(), e);
        }
    }

    private static Object parse(Class<?> type, String value) {
        try {
            if (type == int.class) {
                return Integer.parseInt(value.trim());
            }
            return Arrays.stream(value.split(",", -1))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value, e);
        }
    }

    /** Checks that the pool of users is large enough for every scenario. */
    Params validate() {
        if (users < 2 * pairs
                || users < fanOutOnline
                || logins < fanOutOnline
                || loginWarmup < 0
                || closedWarmupMessages < 0
                || closedWarmupMaxS < closedWarmupS
                || pairs * 2 < catchUpConversations
                || users > 2000
                || rounds < 1
                || sessionsPerWorker < 1
                || sessionsPerWorker > SESSIONS_PER_WORKER
                || sessionCounts.stream().anyMatch(n -> n < 1)
                || (mode.equals("sessions") && (sessionCounts.isEmpty() || holdSeconds < 1))) {
            throw new IllegalArgumentException("users must cover 2*pairs and fanOutOnline (and be at most 2,000, the "
                    + "largest group); logins must cover fanOutOnline; loginWarmup and closedWarmupMessages not negative;"
                    + " closedWarmupMaxS at least closedWarmupS; catchUpConversations must not exceed 2*pairs; rounds must be at least 1; sessionsPerWorker in [1, 9500];"
                    + " sessions mode: sessionCounts positive and holdSeconds at least 1");
        }
        return this;
    }
}
