package im.magpie.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.PasswordCredential;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Remote wipe (S4) through {@code magpie-admin device wipe}, against a real server and database. */
@Tag("integration")
class RemoteWipeIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @RegisterExtension
    final AdminConsole console = new AdminConsole();

    @Test
    void aConnectedDeviceGetsTheOrderAndItsTokenStopsWorking() throws Exception {
        server.createUser("wanda");
        String device;
        String token;
        try (TestDevice laptop = server.device();
                TestDevice phone = server.device()) {
            LoginResponse login = laptop.login("wanda", TestServerExtension.password("wanda"));
            device = login.getDeviceId();
            token = login.getToken();
            phone.login("wanda", TestServerExtension.password("wanda"));

            assertThat(cli("device", "wipe", "wanda", "--device", device)).isZero();
            assertThat(console.out()).contains(device).contains("order delivered");

            Envelope wipe = java.util.Objects.requireNonNull(laptop.awaitPush(Envelope::hasRemoteWipe));
            assertThat(wipe).isNotNull();
            assertThat(wipe.getRemoteWipe().getDeviceId()).isEqualTo(device);
            assertThat(wipe.getRemoteWipe().getOrderedAtMs()).isPositive();
            assertThat(laptop.awaitClosedByServer()).isTrue();
            // The other device is left alone.
            assertThat(phone.request(Envelope.newBuilder().setPing(im.magpie.protocol.v1.Ping.getDefaultInstance()))
                            .hasPong())
                    .isTrue();
        }
        // The stolen token resumes nothing: it gets the order again, then the refusal.
        try (TestDevice thief = server.device()) {
            thief.hello();
            Envelope reply = thief.request(Envelope.newBuilder()
                    .setLogin(LoginRequest.newBuilder().setToken(token).setDeviceId(device)));
            assertThat(reply.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INVALID_TOKEN);
            assertThat(thief.awaitPush(Envelope::hasRemoteWipe)).isNotNull();
            assertThat(thief.awaitClosedByServer()).isTrue();
        }
        assertThat(cli("device", "list", "wanda")).isZero();
        assertThat(console.out()).containsPattern(device + ".*delivered");
    }

    @Test
    void anOfflineDeviceGetsTheOrderWhenItNextLogsIn() throws Exception {
        server.createUser("oscar");
        String device;
        try (TestDevice laptop = server.device()) {
            device =
                    laptop.login("oscar", TestServerExtension.password("oscar")).getDeviceId();
        }
        assertThat(cli("device", "wipe", "oscar")).isZero();
        assertThat(console.out()).contains("order pending").contains("ordered 1 device(s)");
        assertThat(cli("devices", "oscar")).isZero();
        assertThat(console.out()).containsPattern(device + ".*ordered");

        // Even the right password does not give the wiped device id a session.
        try (TestDevice laptop = server.device()) {
            laptop.hello();
            Envelope reply = laptop.request(Envelope.newBuilder()
                    .setLogin(LoginRequest.newBuilder()
                            .setPassword(PasswordCredential.newBuilder()
                                    .setAccount("oscar")
                                    .setPassword(TestServerExtension.password("oscar")))
                            .setDeviceId(device)));
            assertThat(reply.hasLoginResult()).isFalse();
            Envelope wipe = java.util.Objects.requireNonNull(laptop.awaitPush(Envelope::hasRemoteWipe));
            assertThat(wipe).isNotNull();
            assertThat(wipe.getRemoteWipe().getDeviceId()).isEqualTo(device);
        }
        // After the wipe the client has a new device id: it logs in as a new device.
        try (TestDevice fresh = server.device()) {
            LoginResponse login = fresh.login("oscar", TestServerExtension.password("oscar"));
            assertThat(login.getDeviceId()).isNotEqualTo(device);
        }
        assertThat(cli("devices", "oscar")).isZero();
        assertThat(console.out()).containsPattern(device + ".*delivered");
    }

    @Test
    void refusesUnknownDevicesAndAccountsAndChangesNothing() throws Exception {
        server.createUser("ursula");
        try (TestDevice laptop = server.device()) {
            laptop.login("ursula", TestServerExtension.password("ursula"));
        }
        assertThat(cli("device", "wipe", "ursula", "--device", "00000000-0000-0000-0000-000000000000"))
                .isEqualTo(1);
        assertThat(console.err()).contains("NOT_FOUND");
        assertThat(cli("device", "wipe", "nobody")).isEqualTo(1);
        assertThat(cli("devices", "ursula")).isZero();
        assertThat(console.out()).doesNotContain("ordered").doesNotContain("delivered");
        try (TestDevice laptop = server.device()) {
            assertThat(laptop.login("ursula", TestServerExtension.password("ursula")))
                    .isNotNull();
        }
    }

    private int cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = server.dataDir().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return console.run(all);
    }
}
