package im.magpie.server.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.server.admin.AdminEndpoint;
import im.magpie.server.admin.AdminToken;
import im.magpie.server.tls.TlsSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/** Calls the admin API of the server that owns a data directory, trusting only that directory's CA. */
final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI base;
    private final AdminToken token;
    private final ObjectMapper json = new ObjectMapper();

    private AdminClient(HttpClient http, URI base, AdminToken token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    static AdminClient forDataDir(Path dataDir) throws AdminClientException {
        try {
            URI base = AdminEndpoint.read(dataDir);
            AdminToken token = AdminToken.read(dataDir);
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(trustOnly(TlsSetup.caCertificateFile(dataDir)))
                    .connectTimeout(TIMEOUT)
                    .build();
            return new AdminClient(http, base, token);
        } catch (NoSuchFileException e) {
            throw new AdminClientException(
                    "the server is not running with data directory " + dataDir + " (missing " + e.getFile() + ")",
                    AdminClientException.NOT_RUNNING);
        } catch (IOException | GeneralSecurityException e) {
            throw new AdminClientException("cannot prepare the admin connection: " + e.getMessage(), 1);
        }
    }

    JsonNode get(String path) throws AdminClientException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    JsonNode post(String path, @Nullable Object body) throws AdminClientException {
        try {
            byte[] bytes = json.writeValueAsBytes(body == null ? java.util.Map.of() : body);
            return send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                    path);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AdminClientException("cannot encode the request: " + e.getOriginalMessage(), 1);
        }
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws AdminClientException {
        try {
            HttpResponse<byte[]> response = http.send(
                    request.header("Authorization", "Bearer " + token.reveal())
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new AdminClientException(
                        body.path("code").asText("ERROR") + ": "
                                + body.path("detail").asText(""),
                        AdminClientException.SERVER_ERROR);
            }
            return body;
        } catch (ConnectException e) {
            throw new AdminClientException(
                    "the server is not running (no answer at " + base + ")", AdminClientException.NOT_RUNNING);
        } catch (IOException e) {
            throw new AdminClientException("admin call " + path + " failed: " + e, AdminClientException.NOT_RUNNING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminClientException("interrupted", 1);
        }
    }

    /** A TLS context whose only trust anchor is the certificate in {@code caFile}. */
    static SSLContext trustOnly(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (java.security.cert.Certificate cert :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, cert);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
