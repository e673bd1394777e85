package im.magpie.bench;

import java.util.List;

/**
 * S5: a burst of N logins, {@code loginParallel} at a time, each a new TLS connection + Hello + login. First every
 * device logs in with its password (Argon2id on the server: reported as {@code password_logins_per_s}); they
 * disconnect, and then all log in again with their tokens (the re-login a client does after a reconnect: reported as
 * {@code logins_per_s}, with the server's CPU per login). XMPP has no token: its one burst is SASL PLAIN logins.
 */
final class LoginBurst {
    private final Bench bench;
    private final String loginKind;

    /** {@code loginKind}: what the second, reported login is ({@code token re-login}, {@code SASL PLAIN}). */
    LoginBurst(Bench bench, String loginKind) {
        this.bench = bench;
        this.loginKind = loginKind;
    }

    /**
     * {@code passwordFirst}: log every device in with its password first (and report that rate too). Later rounds of
     * Magpie, whose devices already hold tokens, and XMPP, which has only the password login, skip it.
     */
    ScenarioResult run(List<? extends SimDevice> devices, boolean passwordFirst)
            throws BenchFailedException, InterruptedException {
        Params p = bench.params;
        ScenarioResult r = new ScenarioResult("S5", "login burst (" + loginKind + ")")
                .param("logins", devices.size())
                .param("parallel", p.loginParallel());
        boolean passwordNoisy = false;
        if (passwordFirst) {
            CpuAccounting.Snapshot a = bench.snapshot();
            long passwordNanos = Connector.connectAll(devices, false, p.loginParallel(), 600);
            CpuAccounting.Snapshot b = bench.snapshot();
            SimDevice.disconnectAll(devices);
            Thread.sleep(1000);
            CpuAccounting.Usage password = bench.cpu.between(a, b);
            r.param("password_server_db_cpu_us_per_login", perLogin(password.serverAndDbUs(), devices.size()));
            r.passwordLoginsPerS = Bench.perSecond(devices.size(), passwordNanos / 1e9);
            passwordNoisy = password.noisy();
        }

        CpuAccounting.Snapshot c = bench.snapshot();
        long tokenNanos = Connector.connectAll(devices, true, p.loginParallel(), 600);
        CpuAccounting.Snapshot d = bench.snapshot();
        SimDevice.disconnectAll(devices);

        CpuAccounting.Usage token = bench.cpu.between(c, d);
        r.loginsPerS = Bench.perSecond(devices.size(), tokenNanos / 1e9);
        r.serverDbCpuUsPerLogin = perLogin(token.serverAndDbUs(), devices.size());
        r.cpu(token);
        r.noisy = token.noisy() || passwordNoisy;
        return r;
    }

    private static double perLogin(long micros, int logins) {
        return logins == 0 ? 0 : Bench.round1((double) micros / logins);
    }
}
