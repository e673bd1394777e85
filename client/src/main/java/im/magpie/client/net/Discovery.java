package im.magpie.client.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads {@code GET http://host:port/discovery} (plain HTTP; the answer is trusted only through the pin). */
public final class Discovery {
    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ObjectMapper json;

    public Discovery(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public DiscoveryInfo fetch(ServerAddress server) throws DiscoveryException, InterruptedException {
        URI uri = URI.create("http://" + server + "/discovery");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new DiscoveryException("discovery at " + server + " answered HTTP " + response.statusCode());
                }
                if (body.length > MAX_BYTES) {
                    throw new DiscoveryException("discovery answer is larger than " + MAX_BYTES + " bytes");
                }
                return parse(json.readTree(body));
            }
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException || e.getMessage() == null
                    ? "connection refused (is the server running?)"
                    : e.getMessage();
            throw new DiscoveryException("cannot reach discovery at " + server + ": " + why, e);
        }
    }

    private static DiscoveryInfo parse(JsonNode n) throws DiscoveryException {
        JsonNode gateway = n.path("gateway");
        String fingerprint = n.path("certificateSha256").asText("");
        if (!gateway.path("host").isTextual() || !gateway.path("port").canConvertToInt() || fingerprint.isEmpty()) {
            throw new DiscoveryException("discovery answer lacks gateway or certificateSha256");
        }
        try {
            fingerprint = Fingerprints.normalise(fingerprint);
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("discovery answer has a malformed certificateSha256", e);
        }
        return new DiscoveryInfo(
                n.path("serverVersion").asText(""),
                n.path("protocolVersion").asInt(0),
                n.path("minProtocolVersion").asInt(0),
                gateway.path("host").asText(),
                gateway.path("port").asInt(),
                n.path("apiUrl").asText(""),
                fingerprint,
                n.path("serverTimeMs").asLong(0));
    }
}
