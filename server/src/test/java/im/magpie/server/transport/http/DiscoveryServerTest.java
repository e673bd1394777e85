package im.magpie.server.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DiscoveryServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String FINGERPRINT = "ab".repeat(32);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void describesTheServerWithTheHostTheClientUsed() throws Exception {
        try (DiscoveryServer server = start(null)) {
            HttpResponse<String> response = get(server, "/discovery", "GET");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("serverVersion").asText()).isEqualTo("0.1.0");
            assertThat(body.path("protocolVersion").asInt()).isEqualTo(1);
            assertThat(body.path("minProtocolVersion").asInt()).isEqualTo(1);
            assertThat(body.path("gateway").path("host").asText()).isEqualTo("127.0.0.1");
            assertThat(body.path("gateway").path("port").asInt()).isEqualTo(7006);
            assertThat(body.path("apiUrl").asText()).isEqualTo("https://127.0.0.1:7443");
            assertThat(body.path("certificateSha256").asText()).isEqualTo(FINGERPRINT);
            assertThat(body.path("serverTimeMs").asLong()).isEqualTo(CLOCK.millis());
        }
    }

    @Test
    void announcesTheConfiguredPublicHost() throws Exception {
        try (DiscoveryServer server = start("im.example.com")) {
            JsonNode body =
                    new ObjectMapper().readTree(get(server, "/discovery", "GET").body());

            assertThat(body.path("gateway").path("host").asText()).isEqualTo("im.example.com");
            assertThat(body.path("apiUrl").asText()).isEqualTo("https://im.example.com:7443");
        }
    }

    @Test
    void answersOtherPathsAndMethodsWithJsonErrors() throws Exception {
        try (DiscoveryServer server = start(null)) {
            HttpResponse<String> missing = get(server, "/cgi/unknown", "GET");
            HttpResponse<String> wrongMethod = get(server, "/discovery", "DELETE");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
        }
    }

    private static DiscoveryServer start(@Nullable String publicHost) throws Exception {
        return DiscoveryServer.start(
                "127.0.0.1", 0, new DiscoveryServer.Announcement("0.1.0", publicHost, 7006, 7443, FINGERPRINT), CLOCK);
    }

    private HttpResponse<String> get(DiscoveryServer server, String path, String method) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
