package im.magpie.systemtests;

import im.magpie.server.admin.cli.AdminCli;
import im.magpie.testsupport.AcmePerson;
import im.magpie.testsupport.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an administrator does with magpie-admin against a {@link ServerProcess}. */
final class Admin {
    private Admin() {}

    /** Creates the user with the real admin command line. */
    static void createUser(ServerProcess server, AcmePerson person) throws IOException {
        Path passwordFile = Files.createTempFile("pw", ".txt");
        try {
            Files.writeString(passwordFile, person.password(), StandardCharsets.UTF_8);
            int exit = AdminCli.run(
                    "--data-dir",
                    server.dataDir().toString(),
                    "user",
                    "create",
                    person.account(),
                    "--name",
                    person.displayName(),
                    "--password-file",
                    passwordFile.toString());
            if (exit != 0) {
                throw new IllegalStateException("magpie-admin user create " + person.account() + " exited " + exit);
            }
        } finally {
            Files.delete(passwordFile);
        }
    }
}
