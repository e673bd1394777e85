package im.magpie.systemtests;

import static im.magpie.testsupport.Acme.ALICE;
import static im.magpie.testsupport.Acme.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.cli.MagpieCli;
import im.magpie.testsupport.AcmePerson;
import im.magpie.testsupport.ServerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough as an administrator and two people would do it: users made with
 * magpie-admin, messages exchanged with the magpie CLI, and the server killed with SIGKILL in
 * between. A message written while the server is down waits on Alice's machine and arrives once
 * the server is back.
 */
@Tag("integration")
class CliThroughServerRestartIT {
    @TempDir
    Path work;

    @Test
    void aMessageWrittenWhileTheServerIsDownArrivesAfterItsRestart() throws Exception {
        try (ServerProcess server = new ServerProcess(work.resolve("server"))) {
            server.start();
            Admin.createUser(server, ALICE);
            Admin.createUser(server, BOB);
            login(server, "alice", ALICE);
            login(server, "bob", BOB);

            assertOk(magpie("alice", "send", "--to", "bob", "before the crash 崩溃前"));

            server.kill();
            Result queued = magpie("alice", "--connect-timeout", "3", "send", "--to", "bob", "written while down 宕机时");
            assertThat(queued.code()).as(queued.err()).isEqualTo(3);
            assertThat(queued.err()).contains("queued");

            server.start();
            assertOk(magpie("alice", "conversations")); // any command that reaches the server sends the queue

            Result history = magpie("bob", "history", "--with", "alice");
            assertOk(history);
            assertThat(history.out())
                    .containsSubsequence("alice: before the crash 崩溃前", "alice: written while down 宕机时");
            assertThat(history.out().split("written while down", -1)).hasSize(2);

            server.stop();
            assertThat(PlaintextScan.hits(server.dataDir(), List.of("崩溃前", "宕机时", "before the crash")))
                    .as("message text in the data directory, its database, WAL or logs/server.log")
                    .isEmpty();
            assertThat(server.dataDir().resolve("logs/server.log")).exists();
        }
    }

    private void login(ServerProcess server, String who, AcmePerson person) throws Exception {
        Path pw = Files.writeString(work.resolve(who + ".pw"), person.password(), StandardCharsets.UTF_8);
        assertOk(magpie(
                who,
                "--server",
                server.discoveryAddress(),
                "login",
                person.account(),
                "--password-file",
                pw.toString()));
    }

    private Result magpie(String who, String... args) {
        List<String> all =
                new ArrayList<>(List.of("--data-dir", work.resolve(who).toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MagpieCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOk(Result result) {
        assertThat(result.code()).as(result.err()).isZero();
    }

    private record Result(int code, String out, String err) {}
}
