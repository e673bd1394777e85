package im.magpie.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.protocol.v1.CreateGroupRequest;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.LeaveGroupRequest;
import im.magpie.protocol.v1.LoginRequest;
import im.magpie.protocol.v1.LoginResponse;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.OpenDirectRequest;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.SyncRequest;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import im.magpie.server.account.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
class GatewayIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    static Account alice;
    static Account bob;
    static Account carol;

    @BeforeAll
    static void users() throws Exception {
        alice = server.createUser("alice");
        bob = server.createUser("bob");
        carol = server.createUser("carol");
    }

    @Test
    void deliversADirectMessageWithNotificationAndSync() throws Exception {
        try (TestDevice aliceDevice = server.loggedIn("alice");
                TestDevice bobDevice = server.loggedIn("bob")) {
            long conversation = aliceDevice
                    .request(Envelope.newBuilder()
                            .setOpenDirect(OpenDirectRequest.newBuilder()
                                    .setPeerUserId(bob.id().value())))
                    .getConversationResult()
                    .getConversation()
                    .getConversationId();
            assertThat(conversation).isPositive();

            Envelope sent = aliceDevice.request(send(conversation, "hello bob"));
            long seq = sent.getSendMessageResult().getSeq();
            assertThat(seq).as("send result: %s", sent).isPositive();

            Envelope notification = bobDevice.awaitPush(p -> p.hasNotification()
                    && p.getNotification().getConversationsList().stream()
                            .anyMatch(c -> c.getConversationId() == conversation && c.getSeq() >= seq));
            assertThat(notification).as("notification for bob").isNotNull();

            Envelope sync = bobDevice.request(Envelope.newBuilder().setSync(SyncRequest.getDefaultInstance()));
            assertThat(sync.getSyncResult().getEntriesList()).anySatisfy(e -> {
                assertThat(e.getSeq()).isEqualTo(seq);
                assertThat(e.getActorUserId()).isEqualTo(alice.id().value());
                assertThat(e.getMessage().getBody().getText().getText()).isEqualTo("hello bob");
            });
            assertThat(sync.getSyncResult().getConversationsList())
                    .anySatisfy(c -> assertThat(c.getConversationId()).isEqualTo(conversation));
        }
    }

    @Test
    void refusesAForgedToken() throws Exception {
        try (TestDevice device = server.device()) {
            device.hello();
            Envelope reply = device.request(
                    Envelope.newBuilder().setLogin(LoginRequest.newBuilder().setToken("forged-" + UUID.randomUUID())));

            assertThat(reply.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INVALID_TOKEN);
        }
    }

    @Test
    void resumesWithTheTokenOfAPasswordLogin() throws Exception {
        LoginResponse first;
        try (TestDevice device = server.device()) {
            first = device.login("alice", TestServerExtension.password("alice"));
        }
        try (TestDevice device = server.device()) {
            device.hello();
            Envelope reply = device.request(Envelope.newBuilder()
                    .setLogin(
                            LoginRequest.newBuilder().setToken(first.getToken()).setDeviceId(first.getDeviceId())));

            assertThat(reply.getLoginResult().getUserId()).isEqualTo(alice.id().value());
        }
    }

    @Test
    void answersStrangersNotFoundAndFormerMembersNotAMember() throws Exception {
        try (TestDevice aliceDevice = server.loggedIn("alice");
                TestDevice carolDevice = server.loggedIn("carol")) {
            long direct = aliceDevice
                    .request(Envelope.newBuilder()
                            .setOpenDirect(OpenDirectRequest.newBuilder()
                                    .setPeerUserId(bob.id().value())))
                    .getConversationResult()
                    .getConversation()
                    .getConversationId();
            assertThat(carolDevice.request(send(direct, "let me in")).getError().getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_NOT_FOUND);
            assertThat(carolDevice
                            .request(send(987_654_321L, "anyone?"))
                            .getError()
                            .getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_NOT_FOUND);

            long group = aliceDevice
                    .request(Envelope.newBuilder()
                            .setCreateGroup(CreateGroupRequest.newBuilder()
                                    .setTitle("Lunch")
                                    .addMemberUserIds(carol.id().value())
                                    .setClientRequestId(UUID.randomUUID().toString())))
                    .getConversationResult()
                    .getConversation()
                    .getConversationId();
            Envelope left = carolDevice.request(Envelope.newBuilder()
                    .setLeaveGroup(LeaveGroupRequest.newBuilder().setConversationId(group)));
            assertThat(left.hasConversationResult()).as("leave: %s", left).isTrue();
            assertThat(carolDevice
                            .request(send(group, "one more thing"))
                            .getError()
                            .getCode())
                    .isEqualTo(ErrorCode.ERROR_CODE_NOT_A_MEMBER);
        }
    }

    @Test
    void closesAPlainTextConnectionOnTheTlsPort() throws Exception {
        try (java.net.Socket plain = new java.net.Socket(
                java.net.InetAddress.getLoopbackAddress(),
                server.server().ports().gateway())) {
            plain.setSoTimeout((int) TestDevice.TIMEOUT.toMillis());
            plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            plain.getOutputStream().flush();

            byte[] rest = plain.getInputStream().readAllBytes();

            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("HTTP");
        }
    }

    @Test
    void announcesPortsAndFingerprintOnDiscovery() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + server.server().ports().discovery() + "/discovery"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("certificateSha256").asText())
                .isEqualTo(server.server().fingerprint());
        assertThat(body.path("gateway").path("port").asInt())
                .isEqualTo(server.server().ports().gateway());
        assertThat(body.path("gateway").path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(body.path("apiUrl").asText())
                .isEqualTo("https://127.0.0.1:" + server.server().ports().api());
        assertThat(body.path("protocolVersion").asInt()).isEqualTo(1);
        HttpResponse<String> other = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + server.server().ports().discovery() + "/nothing"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private static Envelope.Builder send(long conversation, String text) {
        return Envelope.newBuilder()
                .setSendMessage(SendMessageRequest.newBuilder()
                        .setConversationId(conversation)
                        .setClientMessageId(UUID.randomUUID().toString())
                        .setBody(MessageBody.newBuilder()
                                .setText(TextContent.newBuilder().setText(text))));
    }
}
