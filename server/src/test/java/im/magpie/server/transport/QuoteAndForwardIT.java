package im.magpie.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.protocol.v1.ConversationState;
import im.magpie.protocol.v1.CreateGroupRequest;
import im.magpie.protocol.v1.Envelope;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.FileContent;
import im.magpie.protocol.v1.HistoryRequest;
import im.magpie.protocol.v1.LogEntry;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.Quote;
import im.magpie.protocol.v1.SendMessageRequest;
import im.magpie.protocol.v1.TextContent;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import im.magpie.server.account.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quote-replies are checked against the conversation log; forwarded files reach the target's members only. */
@Tag("integration")
class QuoteAndForwardIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    private static final ObjectMapper json = new ObjectMapper();
    static Account alice;
    static Account bob;
    static Account carol;
    static HttpClient http;

    @BeforeAll
    static void users() throws Exception {
        alice = server.createUser("alice");
        bob = server.createUser("bob");
        carol = server.createUser("carol");
        server.createUser("dave");
        http = server.httpClient();
    }

    @Test
    void storesAReplyThatQuotesAMessageOfTheConversation() throws Exception {
        try (TestDevice aliceDevice = server.loggedIn("alice");
                TestDevice bobDevice = server.loggedIn("bob")) {
            long group = group(aliceDevice, "Quotes", bob);
            long original = seq(aliceDevice.request(send(group, text("the plan is ready"))));

            Envelope reply = bobDevice.request(send(
                    group, text("great").setQuote(quote(original, alice, "the plan is ready 👍".repeat(10)))));

            long replySeq = seq(reply);
            LogEntry stored = history(bobDevice, group, replySeq + 1).getEntries(0);
            assertThat(stored.getSeq()).isEqualTo(replySeq);
            assertThat(stored.getMessage().getBody().getQuote().getSeq()).isEqualTo(original);
            assertThat(stored.getMessage().getBody().getQuote().getSenderUserId())
                    .isEqualTo(alice.id().value());
        }
    }

    @Test
    void refusesQuotesOfMissingForeignOrNonMessageEntriesAndStoresNothing() throws Exception {
        try (TestDevice aliceDevice = server.loggedIn("alice");
                TestDevice bobDevice = server.loggedIn("bob")) {
            long group = group(aliceDevice, "Strict quotes", bob);
            long other = group(aliceDevice, "Elsewhere", bob);
            long original = seq(aliceDevice.request(send(group, text("hello"))));
            seq(aliceDevice.request(send(other, text("far"))));
            long elsewhere = seq(aliceDevice.request(send(other, text("far away"))));
            long before = lastSeq(bobDevice, group);

            assertBadRequest(bobDevice, group, quote(original + 100, alice, "hello"));
            assertBadRequest(bobDevice, group, quote(1, alice, "the group's creation")); // not a message
            assertBadRequest(bobDevice, group, quote(original, bob, "hello")); // alice sent it
            assertBadRequest(bobDevice, group, quote(original, alice, "x".repeat(201)));
            assertBadRequest(bobDevice, group, quote(original, alice, " "));
            assertBadRequest(bobDevice, group, quote(0, alice, "hello"));
            assertBadRequest(bobDevice, group, quote(-1, alice, "hello")); // 2^64 - 1 on the wire
            assertBadRequest(bobDevice, group, quote(elsewhere, alice, "far away")); // a seq of the other group

            assertThat(lastSeq(bobDevice, group)).isEqualTo(before);
            assertThat(seq(bobDevice.request(send(
                            group, text("ok").setQuote(quote(original, alice, "x".repeat(200)))))))
                    .isEqualTo(before + 1);
        }
    }

    @Test
    void letsTheTargetsMembersDownloadAForwardedFileAndNobodyElse() throws Exception {
        try (TestDevice aliceDevice = server.device();
                TestDevice bobDevice = server.device();
                TestDevice carolDevice = server.device();
                TestDevice daveDevice = server.device()) {
            String aliceToken = aliceDevice
                    .login("alice", TestServerExtension.password("alice"))
                    .getToken();
            bobDevice.login("bob", TestServerExtension.password("bob"));
            String carolToken = carolDevice
                    .login("carol", TestServerExtension.password("carol"))
                    .getToken();
            String daveToken = daveDevice
                    .login("dave", TestServerExtension.password("dave"))
                    .getToken();
            byte[] content = new byte[5000];
            new Random(11).nextBytes(content);
            FileContent file = upload(aliceToken, "budget.xlsx", content);
            long source = group(aliceDevice, "Finance", bob);
            seq(aliceDevice.request(send(source, MessageBody.newBuilder().setFile(file))));
            long target = group(bobDevice, "Forwarded to", carol);
            assertThat(download(carolToken, file.getFileId()).statusCode()).isEqualTo(404);

            long forwarded = seq(bobDevice.request(
                    send(target, MessageBody.newBuilder().setFile(file).setForwarded(true))));

            assertThat(forwarded).isPositive();
            HttpResponse<byte[]> carols = download(carolToken, file.getFileId());
            assertThat(carols.statusCode()).isEqualTo(200);
            assertThat(carols.body()).isEqualTo(content);
            assertThat(download(daveToken, file.getFileId()).statusCode()).isEqualTo(404);
            long daves = group(daveDevice, "Dave's", carol);
            Envelope refused = daveDevice.request(
                    send(daves, MessageBody.newBuilder().setFile(file).setForwarded(true)));
            assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_FILE_NOT_FOUND);
            assertThat(download(daveToken, file.getFileId()).statusCode()).isEqualTo(404);
        }
    }

    private static void assertBadRequest(TestDevice device, long conversation, Quote.Builder quote) throws Exception {
        Envelope reply = device.request(send(conversation, text("reply").setQuote(quote)));
        assertThat(reply.getError().getCode()).as("%s", quote).isEqualTo(ErrorCode.ERROR_CODE_BAD_REQUEST);
    }

    private static MessageBody.Builder text(String text) {
        return MessageBody.newBuilder().setText(TextContent.newBuilder().setText(text));
    }

    private static Quote.Builder quote(long seq, Account sender, String excerpt) {
        return Quote.newBuilder()
                .setSeq(seq)
                .setSenderUserId(sender.id().value())
                .setExcerpt(excerpt);
    }

    private static Envelope.Builder send(long conversation, MessageBody.Builder body) {
        return Envelope.newBuilder()
                .setSendMessage(SendMessageRequest.newBuilder()
                        .setConversationId(conversation)
                        .setClientMessageId(UUID.randomUUID().toString())
                        .setBody(body));
    }

    private static long seq(Envelope reply) {
        assertThat(reply.hasSendMessageResult()).as("send: %s", reply).isTrue();
        return reply.getSendMessageResult().getSeq();
    }

    private static long group(TestDevice owner, String title, Account member) throws Exception {
        ConversationState state = owner.request(Envelope.newBuilder()
                        .setCreateGroup(CreateGroupRequest.newBuilder()
                                .setTitle(title)
                                .addMemberUserIds(member.id().value())
                                .setClientRequestId(UUID.randomUUID().toString())))
                .getConversationResult()
                .getConversation();
        assertThat(state.getConversationId()).isPositive();
        return state.getConversationId();
    }

    private static im.magpie.protocol.v1.HistoryResponse history(TestDevice device, long conversation, long before)
            throws Exception {
        return device.request(Envelope.newBuilder()
                        .setHistory(HistoryRequest.newBuilder()
                                .setConversationId(conversation)
                                .setBeforeSeq(before)
                                .setLimit(1)))
                .getHistoryResult();
    }

    private static long lastSeq(TestDevice device, long conversation) throws Exception {
        return history(device, conversation, 0).getEntries(0).getSeq();
    }

    private static FileContent upload(String token, String name, byte[] content) throws Exception {
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        HttpResponse<String> begun = http.send(
                authorized(
                        HttpRequest.newBuilder(uri("/v1/uploads"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"size\": "
                                        + content.length + ", \"sha256\": \"" + sha + "\"}")),
                        token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(begun.statusCode()).as(begun.body()).isEqualTo(200);
        String upload = json.readTree(begun.body()).path("uploadId").asText();
        HttpResponse<String> done = http.send(
                authorized(
                        HttpRequest.newBuilder(uri("/v1/uploads/" + upload + "?offset=0"))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)),
                        token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return FileContent.newBuilder()
                .setFileId(json.readTree(done.body()).path("fileId").asText())
                .setName(name)
                .setSize(content.length)
                .setSha256(sha)
                .build();
    }

    private static HttpResponse<byte[]> download(String token, String fileId) throws Exception {
        return http.send(
                authorized(HttpRequest.newBuilder(uri("/v1/files/" + fileId)).GET(), token),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest authorized(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token)
                .timeout(TestDevice.TIMEOUT)
                .build();
    }

    private static URI uri(String path) {
        return URI.create(server.apiUrl(path));
    }
}
