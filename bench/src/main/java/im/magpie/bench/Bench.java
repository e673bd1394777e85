package im.magpie.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What the scenarios share: parameters, the devices' network context, the admin API, accounting, bodies, output. */
final class Bench {
    static final String PASSWORD = "bench-password-1";

    final Params params;
    final Net net;
    final AdminApi admin;
    final CpuAccounting cpu;
    final Bodies bodies;
    final JvmProbe jvm;
    final long serverPid;
    private final PrintStream out;

    Bench(Params params, Net net, AdminApi admin, CpuAccounting cpu, JvmProbe jvm, long serverPid, PrintStream out) {
        this.params = params;
        this.net = net;
        this.admin = admin;
        this.cpu = cpu;
        this.bodies = new Bodies(params.bodySize());
        this.jvm = jvm;
        this.serverPid = serverPid;
        this.out = out;
    }

    static String account(int i) {
        return String.format(java.util.Locale.ROOT, "u%05d", i);
    }

    /** New (not yet connected) devices for users {@code from..to-1} (modulo the pool: a user may get several). */
    List<Device> devices(int from, int to) {
        List<Device> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(new Device(net, account(i % params.users()), PASSWORD));
        }
        return list;
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
