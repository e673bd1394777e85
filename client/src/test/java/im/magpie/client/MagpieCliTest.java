package im.magpie.client;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.cli.MagpieCli;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.MessagePosted;
import im.magpie.protocol.v1.TextContent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code magpie} command line against the in-memory server. */
class MagpieCliTest {
    @TempDir
    Path dir;

    private FakeMagpieServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMagpieServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result magpie(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MagpieCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private void login() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\n");
        Result r = magpie("--server", server.address(), "login", "alice", "--password-file", pw.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Logged in as alice");
        assertThat(r.err()).contains(server.fingerprint());
    }

    @Test
    void loginSendHistorySearchConversationsLogout() throws Exception {
        login();

        Result sent = magpie("send", "--self", "季度报表", "ready");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("sent to conversation 1 as #1");

        Result history = magpie("history", "--conversation", "1");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("[1#1] alice: 季度报表 ready");

        Result search = magpie("search", "报表");
        assertThat(search.out()).contains("季度报表 ready");
        assertThat(magpie("search", "unrelated").out()).isEmpty();

        Result conversations = magpie("conversations");
        assertThat(conversations.out()).contains("self").contains("last=#1");

        Result logout = magpie("logout");
        assertThat(logout.code()).as(logout.err()).isZero();
        Result after = magpie("conversations");
        assertThat(after.code()).isNotZero();
        assertThat(after.err()).contains("not logged in");
    }

    @Test
    void historyOfAConversationThatIsNoGroupLeavesOutItsCreationNotices() throws Exception {
        server.post(LogEntry.newBuilder()
                .setActorUserId(FakeMagpieServer.ALICE)
                .setCreated(im.magpie.protocol.v1.ConversationCreated.getDefaultInstance()));
        server.post(LogEntry.newBuilder()
                .setActorUserId(FakeMagpieServer.ALICE)
                .setMembersAdded(im.magpie.protocol.v1.MembersAdded.newBuilder()
                        .addMembers(im.magpie.protocol.v1.Member.newBuilder().setUserId(FakeMagpieServer.ALICE))));
        login();
        assertThat(magpie("send", "--self", "first words").code()).isZero();

        Result history = magpie("history", "--conversation", "1");

        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out().lines()).singleElement().asString().endsWith("[1#3] alice: first words");
    }

    @Test
    void watchPrintsNewMessagesAndStopsAfterCount() throws Exception {
        login();
        CompletableFuture<Result> watching =
                CompletableFuture.supplyAsync(() -> magpie("watch", "--count", "1", "--timeout", "20"));
        for (int i = 0; i < 100 && !watching.isDone(); i++) {
            Thread.sleep(100);
            if (i == 20) {
                server.post(LogEntry.newBuilder()
                        .setActorUserId(FakeMagpieServer.ALICE)
                        .setMessage(MessagePosted.newBuilder()
                                .setClientMessageId("x")
                                .setBody(MessageBody.newBuilder()
                                        .setText(TextContent.newBuilder().setText("hello from phone")))));
            }
        }
        Result r = watching.get(30, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("alice: hello from phone");
    }

    @Test
    void failuresAreOneLineOnStderrWithNonZeroExit() throws Exception {
        Result noServer = magpie("login", "alice", "--password-stdin");
        assertThat(noServer.code()).isEqualTo(2);
        assertThat(noServer.err()).contains("--server");

        Path pw = dir.resolve("bad");
        Files.writeString(pw, "wrong");
        Result bad = magpie("--server", server.address(), "login", "alice", "--password-file", pw.toString());
        assertThat(bad.code()).isEqualTo(1);
        List<String> lines = bad.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("magpie: ").contains("INVALID_CREDENTIALS");
        assertThat(bad.err()).doesNotContain("\tat ");

        Result usage = magpie("send");
        assertThat(usage.code()).isNotZero();
        assertThat(magpie("--help").out()).contains("login", "send", "watch", "download");
    }

    @Test
    void refusesAFirstContactFingerprintOtherThanTheRequiredOne() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret");
        Result r = magpie(
                "--server",
                server.address(),
                "--fingerprint",
                "11".repeat(32),
                "login",
                "alice",
                "--password-file",
                pw.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("certificate changed");
    }

    private record Result(int code, String out, String err) {}
}
