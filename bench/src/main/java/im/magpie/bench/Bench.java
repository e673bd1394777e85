package im.magpie.bench;

import im.magpie.bench.sessions.SessionsWorker;
import java.io.IOException;
import java.io.PrintStream;

/**
 * What the scenarios share whatever the server under test: parameters, the CPU accounting of that server's processes,
 * bodies, output.
 */
final class Bench {
    static final String PASSWORD = "bench-password-1";

    final Params params;
    final CpuAccounting cpu;
    final Bodies bodies;
    private final PrintStream out;

    Bench(Params params, CpuAccounting cpu, PrintStream out) {
        this.params = params;
        this.cpu = cpu;
        this.bodies = new Bodies(params.bodySize());
        this.out = out;
    }

    static String account(int i) {
        return SessionsWorker.account(i);
    }

    CpuAccounting.Snapshot snapshot() throws BenchFailedException {
        try {
            return cpu.snapshot();
        } catch (IOException e) {
            throw new BenchFailedException("cannot read /proc: " + e.getMessage(), e);
        }
    }

    void log(String format, Object... args) {
        out.printf("[bench] " + format + "%n", args);
        out.flush();
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
        }
    }

    static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : Math.round(count / seconds * 10) / 10.0;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
