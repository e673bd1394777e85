package im.magpie.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.protocol.v1.Envelope;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class AdminCliIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    @RegisterExtension
    final AdminConsole console = new AdminConsole();

    @Test
    void keepsTheAdminTokenPrivate() throws Exception {
        Path token = server.dataDir().resolve(AdminToken.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(token)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void createsListsAndDisablesUsers(@TempDir Path tmp) throws Exception {
        Path password = Files.writeString(tmp.resolve("pw"), "erin-password\n");
        assertThat(cli("user", "create", "erin", "--name", "Erin", "--password-file", password.toString()))
                .isZero();
        assertThat(cli("user", "create", "erin", "--name", "Erin", "--password-file", password.toString()))
                .isEqualTo(1);
        assertThat(console.err()).contains("CONFLICT");

        try (TestDevice erin = server.device()) {
            erin.login("erin", "erin-password");
            assertThat(cli("user", "list")).isZero();
            assertThat(console.out()).contains("erin").contains("Erin");
            assertThat(cli("online")).isZero();
            assertThat(cli("devices", "erin")).isZero();

            assertThat(cli("user", "disable", "erin")).isZero();

            Envelope kicked = erin.awaitPush(Envelope::hasKicked);
            assertThat(kicked).isNotNull();
            assertThat(erin.awaitClosedByServer()).isTrue();
        }
        try (TestDevice again = server.device()) {
            again.hello();
            Envelope refused = again.request(Envelope.newBuilder()
                    .setLogin(im.magpie.protocol.v1.LoginRequest.newBuilder()
                            .setPassword(im.magpie.protocol.v1.PasswordCredential.newBuilder()
                                    .setAccount("erin")
                                    .setPassword("erin-password"))));
            assertThat(refused.getError().getCode())
                    .isEqualTo(im.magpie.protocol.v1.ErrorCode.ERROR_CODE_ACCOUNT_DISABLED);
        }
        assertThat(cli("user", "enable", "erin")).isZero();
    }

    @Test
    void kicksOneDeviceAndCreatesGroups() throws Exception {
        server.createUser("frank");
        server.createUser("gina");
        try (TestDevice frank = server.device()) {
            String device =
                    frank.login("frank", TestServerExtension.password("frank")).getDeviceId();
            assertThat(cli("group", "create", "--owner", "frank", "--title", "Ops", "--members", "gina"))
                    .isZero();
            assertThat(console.out()).contains("Ops").contains("2 member(s)");

            assertThat(cli("kick", "frank", "--device", device)).isZero();

            assertThat(frank.awaitPush(Envelope::hasKicked)).isNotNull();
            assertThat(frank.awaitClosedByServer()).isTrue();
        }
    }

    @Test
    void reportsUnknownAccountsAndAStoppedServer(@TempDir Path elsewhere) {
        assertThat(cli("devices", "nobody")).isEqualTo(1);
        assertThat(console.err()).contains("NOT_FOUND");

        assertThat(console.run("--data-dir", elsewhere.toString(), "user", "list"))
                .isEqualTo(3);
        assertThat(console.err()).contains("not running");
    }

    private int cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = server.dataDir().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return console.run(all);
    }
}
