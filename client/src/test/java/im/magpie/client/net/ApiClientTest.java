package im.magpie.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload and download against an HTTPS server on loopback, trusted only through the pin. */
class ApiClientTest {
    private static TestPki pki;
    private static TestPki other;

    @TempDir
    Path dir;

    private FakeFileApi api;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create("acme");
        other = TestPki.create("evil");
    }

    @BeforeEach
    void start() throws Exception {
        api = new FakeFileApi(pki);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiClient client(TestPki pinned, String token) throws Exception {
        TlsContexts tls = new TlsContexts(new PinnedTrustManager(pinned.caFingerprint(), Clock.systemUTC()));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls.jdkContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new ApiClient(http, URI.create(api.url()), () -> token, new ObjectMapper());
    }

    private Path file(String name, int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void uploadsInChunksAndDownloadsVerified() throws Exception {
        Path source = file("report.pdf", ApiClient.CHUNK_BYTES + 1000);
        UploadedFile up = client(pki, "tok").upload(source, "application/pdf");
        assertThat(up.size()).isEqualTo(Files.size(source));
        assertThat(up.sha256()).isEqualTo(FakeFileApi.sha256(Files.readAllBytes(source)));
        assertThat(api.requests).filteredOn(r -> r.startsWith("PUT")).hasSize(2);

        Path target = dir.resolve("out/report.pdf");
        Files.createDirectories(target.getParent());
        client(pki, "tok").download(up.fileId(), up.sha256(), target);
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(source));
        assertThat(dir.resolve("out/report.pdf.part")).doesNotExist();
    }

    @Test
    void resumesAnUploadAfterABrokenChunkAndAnOffsetMismatch() throws Exception {
        Path source = file("big.bin", 2 * ApiClient.CHUNK_BYTES + 10);
        api.failAfterChunks = 1;
        ApiClient c = client(pki, "tok");
        assertThatThrownBy(() -> c.upload(source, "")).isInstanceOf(IOException.class);
        api.nextPutConflicts = true;
        UploadedFile up = c.upload(source, "");
        assertThat(api.files.get(up.fileId())).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void resumesADownloadFromThePartFileWithRange() throws Exception {
        Path source = file("photo.png", 100_000);
        UploadedFile up = client(pki, "tok").upload(source, "image/png");
        byte[] all = Files.readAllBytes(source);
        Path target = dir.resolve("photo-copy.png");
        Files.write(dir.resolve("photo-copy.png.part"), java.util.Arrays.copyOf(all, 40_000));

        client(pki, "tok").download(up.fileId(), up.sha256(), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(all);
        assertThat(api.requests).anyMatch(r -> r.startsWith("GET /v1/files/") && r.endsWith("bytes=40000-"));
    }

    @Test
    void refusesADownloadWhoseHashDiffers() throws Exception {
        Path source = file("a.txt", 1000);
        UploadedFile up = client(pki, "tok").upload(source, "text/plain");
        api.corrupt = new byte[1000];
        Path target = dir.resolve("a-copy.txt");
        assertThatThrownBy(() -> client(pki, "tok").download(up.fileId(), up.sha256(), target))
                .isInstanceOf(ChecksumMismatchException.class);
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("a-copy.txt.part")).doesNotExist();
    }

    @Test
    void typedErrorsForBadTokenAndUnknownFile() throws Exception {
        Path source = file("b.txt", 10);
        assertThatThrownBy(() -> client(pki, "stale").upload(source, "")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> client(pki, "tok").download("nope", "00", dir.resolve("x")))
                .isInstanceOf(RemoteFileNotFoundException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
    }

    @Test
    void refusesAServerWithAnotherCertificate() throws Exception {
        Path source = file("c.txt", 10);
        assertThatThrownBy(() -> client(other, "tok").upload(source, ""))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(Reconnector.fatalReason(e)).contains("certificate changed"));
        assertThat(api.requests).isEmpty();
    }
}
