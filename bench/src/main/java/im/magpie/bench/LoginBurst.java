package im.magpie.bench;

import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * S5: a burst of N logins, {@code loginParallel} at a time, each a new TLS connection + Hello + login. First every
 * device logs in with its password (Argon2id on the server: reported as {@code password_logins_per_s}); they
 * disconnect, and then all log in again with their tokens (the re-login a client does after a reconnect: reported as
 * {@code logins_per_s}, with the server's CPU per login). Each of these logins is a full TLS handshake: the devices
 * first drop their session tickets. The {@code logins} run ({@link #runAtScale}) then measures a second token burst in
 * which every device resumes from its own ticket, as the client library does on a reconnect. XMPP has no token: its
 * one burst is SASL PLAIN logins.
 */
final class LoginBurst {
    private final Bench bench;
    private final String loginKind;
    private final @Nullable LongSupplier chainsChecked;

    /**
     * {@code loginKind}: what the second, reported login is ({@code token re-login}, {@code SASL PLAIN});
     * {@code chainsChecked}: the server certificate chains the devices checked so far (one per full handshake), or
     * null when the devices do not count them.
     */
    LoginBurst(Bench bench, String loginKind, @Nullable LongSupplier chainsChecked) {
        this.bench = bench;
        this.loginKind = loginKind;
        this.chainsChecked = chainsChecked;
    }

    /**
     * {@code passwordFirst}: log every device in with its password first (and report that rate too). Later rounds of
     * Magpie, whose devices already hold tokens, and XMPP, which has only the password login, skip it.
     */
    ScenarioResult run(List<? extends SimDevice> devices, boolean passwordFirst)
            throws BenchFailedException, InterruptedException {
        ScenarioResult r = new ScenarioResult("S5", "login burst (" + loginKind + ")");
        boolean passwordNoisy = passwordFirst && passwordBurst(devices, r);
        warmUp(devices, r, false);
        Burst full = burst(devices, false);
        report(r, full, devices.size());
        r.noisy = full.usage().noisy() || passwordNoisy;
        return r;
    }

    /**
     * The {@code logins} run: passwords (the server's hashing is cheap in this run, so that figure is not the production
     * one), then the token re-login with full TLS handshakes (reported as {@code logins_per_s}), then again with TLS
     * resumption from each device's own session ticket ({@code params.resumed_*}).
     */
    ScenarioResult runAtScale(List<? extends SimDevice> devices) throws BenchFailedException, InterruptedException {
        ScenarioResult r = new ScenarioResult("S5", "login burst (" + loginKind + ")");
        boolean passwordNoisy = passwordBurst(devices, r);
        warmUp(devices, r, true);
        Burst full = burst(devices, false);
        report(r, full, devices.size());
        Thread.sleep(2000);
        Burst resumed = burst(devices, true);
        r.param("resumed_logins_per_s", Bench.perSecond(devices.size(), resumed.nanos() / 1e9));
        r.param("resumed_full_handshakes", resumed.fullHandshakes());
        r.param("resumed_server_db_cpu_us_per_login", perLogin(resumed.usage().serverAndDbUs(), devices.size()));
        r.param("resumed_generator_cpu_us_per_login", perLogin(resumed.usage().generatorUs(), devices.size()));
        r.param("resumed_others_share_of_machine", Bench.round2(resumed.usage().othersShare()));
        r.noisy = full.usage().noisy() || resumed.usage().noisy() || passwordNoisy;
        return r;
    }

    /** Password logins of every device, then a disconnect; returns whether that window was noisy. */
    private boolean passwordBurst(List<? extends SimDevice> devices, ScenarioResult r)
            throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        CpuAccounting.Snapshot a = bench.snapshot();
        long passwordNanos = Connector.connectAll(devices, false, p.loginParallel(), 600);
        CpuAccounting.Snapshot b = bench.snapshot();
        SimDevice.disconnectAll(devices);
        Thread.sleep(1000);
        CpuAccounting.Usage password = bench.cpu.between(a, b);
        r.param("password_server_db_cpu_us_per_login", perLogin(password.serverAndDbUs(), devices.size()));
        r.passwordLoginsPerS = Bench.perSecond(devices.size(), passwordNanos / 1e9);
        return password.noisy();
    }

    /**
     * The uncounted warm-up: token logins of the first {@code loginWarmup} devices with full TLS handshakes, and
     * ({@code resumed}) once more resuming their TLS sessions; each burst is logged, none is reported.
     */
    private void warmUp(List<? extends SimDevice> devices, ScenarioResult r, boolean resumed)
            throws BenchFailedException, InterruptedException {
        int n = Math.min(devices.size(), bench.params.loginWarmup());
        r.param("warmup_logins", n);
        if (n == 0) {
            return;
        }
        List<? extends SimDevice> warm = devices.subList(0, n);
        burst(warm, false, "warm-up, ");
        if (resumed) {
            burst(warm, true, "warm-up, ");
        }
        Thread.sleep(1000);
    }

    /** A burst's duration, CPU and the full TLS handshakes in it (certificate chains the devices checked). */
    private record Burst(long nanos, CpuAccounting.Usage usage, long fullHandshakes) {}

    /** Token logins of every device ({@code resumeTls}: from its session ticket, else a full handshake), disconnect. */
    private Burst burst(List<? extends SimDevice> devices, boolean resumeTls)
            throws BenchFailedException, InterruptedException {
        return burst(devices, resumeTls, "");
    }

    private Burst burst(List<? extends SimDevice> devices, boolean resumeTls, String label)
            throws BenchFailedException, InterruptedException {
        if (!resumeTls) {
            devices.forEach(SimDevice::forgetTlsSession);
        }
        String kind = label + (resumeTls ? "TLS resumed" : "full TLS handshake");
        bench.log("S5 token burst (%s): %d logins start", kind, devices.size());
        long chainsBefore = chainsChecked();
        CpuAccounting.Snapshot c = bench.snapshot();
        long nanos = Connector.connectAll(devices, true, bench.params.loginParallel(), 600);
        CpuAccounting.Snapshot d = bench.snapshot();
        long full = chainsChecked() - chainsBefore;
        bench.log(
                "S5 token burst (%s): done in %.1f s; %d of %d handshakes full (a certificate chain checked)",
                kind, nanos / 1e9, full, devices.size());
        SimDevice.disconnectAll(devices);
        return new Burst(nanos, bench.cpu.between(c, d), full);
    }

    private long chainsChecked() {
        return chainsChecked == null ? 0 : chainsChecked.getAsLong();
    }

    private void report(ScenarioResult r, Burst burst, int logins) {
        r.param("logins", logins)
                .param("parallel", bench.params.loginParallel())
                .param("tls", "full handshake");
        if (chainsChecked != null) {
            r.param("full_handshakes", burst.fullHandshakes());
        }
        r.loginsPerS = Bench.perSecond(logins, burst.nanos() / 1e9);
        r.serverDbCpuUsPerLogin = perLogin(burst.usage().serverAndDbUs(), logins);
        r.cpu(burst.usage());
    }

    private static double perLogin(long micros, int logins) {
        return logins == 0 ? 0 : Bench.round1((double) micros / logins);
    }
}
