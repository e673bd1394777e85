package im.magpie.server.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.server.TestDevice;
import im.magpie.server.TestServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("integration")
class FilesApiIT {
    @RegisterExtension
    static final TestServerExtension server = new TestServerExtension();

    private static final ObjectMapper json = new ObjectMapper();
    static HttpClient http;
    static String token;

    @BeforeAll
    static void login() throws Exception {
        server.createUser("dave");
        try (TestDevice device = server.device()) {
            token = device.login("dave", TestServerExtension.password("dave")).getToken();
        }
        http = server.httpClient();
    }

    @Test
    void uploadsInChunksResumesAndDownloadsWithRanges() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        HttpResponse<String> begin = post(
                "/v1/uploads",
                "{\"name\": \"report.pdf\", \"size\": " + content.length + ", \"sha256\": \"" + sha
                        + "\", \"mediaType\": \"application/pdf\"}");
        assertThat(begin.statusCode()).as(begin.body()).isEqualTo(200);
        JsonNode started = json.readTree(begin.body());
        String upload = started.path("uploadId").asText();
        assertThat(started.path("received").asLong()).isZero();
        assertThat(started.path("fileId").isNull()).isTrue();

        assertThat(put(upload, 0, Arrays.copyOfRange(content, 0, 100_000)).statusCode())
                .isEqualTo(200);
        HttpResponse<String> status =
                send(HttpRequest.newBuilder(uri("/v1/uploads/" + upload)).GET());
        assertThat(json.readTree(status.body()).path("received").asLong()).isEqualTo(100_000);

        HttpResponse<String> mismatch = put(upload, 5, Arrays.copyOfRange(content, 5, 10));
        assertThat(mismatch.statusCode()).isEqualTo(409);
        assertThat(json.readTree(mismatch.body()).path("code").asText()).isEqualTo("OFFSET_MISMATCH");
        assertThat(json.readTree(mismatch.body()).path("received").asLong()).isEqualTo(100_000);

        HttpResponse<String> done = put(upload, 100_000, Arrays.copyOfRange(content, 100_000, content.length));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        String fileId = json.readTree(done.body()).path("fileId").asText();
        assertThat(fileId).isNotEmpty();

        HttpResponse<byte[]> whole = http.send(
                authorized(HttpRequest.newBuilder(uri("/v1/files/" + fileId)).GET()),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("X-Magpie-Sha256")).hasValue(sha);

        HttpResponse<byte[]> tail = http.send(
                authorized(HttpRequest.newBuilder(uri("/v1/files/" + fileId)).header("Range", "bytes=250000-")),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 250000-299999/300000");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 250_000, content.length));

        HttpResponse<String> beyond =
                send(HttpRequest.newBuilder(uri("/v1/files/" + fileId)).header("Range", "bytes=300000-"));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(json.readTree(beyond.body()).path("code").asText()).isEqualTo("RANGE_NOT_SATISFIABLE");
    }

    @Test
    void rejectsBadRequestsWithTheDocumentedCodes() throws Exception {
        String sha = "0".repeat(64);
        assertThat(post("/v1/uploads", "{\"name\": \"../x\", \"size\": 1, \"sha256\": \"" + sha + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/uploads", "{\"name\": \"x\", \"size\": 1, \"sha256\": \"xyz\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/uploads", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> tooLarge =
                post("/v1/uploads", "{\"name\": \"big\", \"size\": 99999999999999, \"sha256\": \"" + sha + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(tooLarge.body()).path("code").asText()).isEqualTo("TOO_LARGE");
        assertThat(send(HttpRequest.newBuilder(uri("/v1/files/nope")).GET()).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/v1/uploads/nope")).GET()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void requiresAValidBearerToken() throws Exception {
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(uri("/v1/uploads/x")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(uri("/v1/uploads/x"))
                        .header("Authorization", "Bearer forged")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).path("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void answersHealthWithoutAToken() throws Exception {
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(uri("/v1/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("ok");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> put(String upload, long offset, byte[] chunk) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/uploads/" + upload + "?offset=" + offset))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(authorized(request), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token)
                .timeout(TestDevice.TIMEOUT)
                .build();
    }

    private static URI uri(String path) {
        return URI.create(server.apiUrl(path));
    }
}
