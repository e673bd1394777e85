package im.magpie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.magpie.server.admin.AdminEndpoint;
import im.magpie.server.admin.AdminToken;
import im.magpie.server.tls.TlsSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's admin HTTPS API (configuration.md), used to create users and groups fast: requests go out in parallel
 * (each user costs one Argon2id hash on the server).
 */
final class AdminApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARALLEL = 8;

    private final HttpClient http;
    private final URI base;
    private final AdminToken token;
    private final ObjectMapper json;

    private AdminApi(HttpClient http, URI base, AdminToken token, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.json = json;
    }

    static AdminApi forDataDir(Path dataDir, ObjectMapper json) throws IOException, GeneralSecurityException {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustOnly(TlsSetup.caCertificateFile(dataDir)))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new AdminApi(http, AdminEndpoint.read(dataDir), AdminToken.read(dataDir), json);
    }

    /** Creates {@code accounts} (all with {@code password}), {@value #PARALLEL} at a time; returns their user ids in order. */
    List<Long> createUsers(List<String> accounts, String password) throws BenchFailedException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += PARALLEL) {
            List<CompletableFuture<JsonNode>> batch = new ArrayList<>();
            for (String account : accounts.subList(from, Math.min(accounts.size(), from + PARALLEL))) {
                batch.add(post(
                        "admin/v1/users", Map.of("account", account, "displayName", account, "password", password)));
            }
            for (CompletableFuture<JsonNode> f : batch) {
                ids.add(await(f).path("userId").asLong());
            }
        }
        return ids;
    }

    /** Creates a group owned by {@code owner}; returns its conversation id. */
    long createGroup(String owner, String title, List<String> members)
            throws BenchFailedException, InterruptedException {
        return await(post("admin/v1/groups", Map.of("owner", owner, "title", title, "members", members)))
                .path("conversationId")
                .asLong();
    }

    private CompletableFuture<JsonNode> post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            try {
                JsonNode node = json.readTree(response.body());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("admin " + path + " answered " + response.statusCode() + " "
                            + node.path("code").asText());
                }
                return node;
            } catch (IOException e) {
                throw new IllegalStateException("admin " + path + " sent no JSON", e);
            }
        });
    }

    private static JsonNode await(CompletableFuture<JsonNode> f) throws BenchFailedException, InterruptedException {
        try {
            return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchFailedException("admin API call failed: " + e.getMessage(), e);
        }
    }

    private static SSLContext trustOnly(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
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
