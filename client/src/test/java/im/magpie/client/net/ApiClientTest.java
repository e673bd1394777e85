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

    /** Records progress and cancels once {@code cancelAt} bytes were reported. */
    static final class Recorder implements TransferProgress {
        final java.util.List<Long> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        final long cancelAt;

        Recorder(long cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public void advanced(long bytes) {
            assertThat(bytes).as("never reports nothing or backwards").isPositive();
            steps.add(done.addAndGet(bytes));
        }

        @Override
        public boolean cancelled() {
            return done.get() >= cancelAt;
        }
    }

    @Test
    void reportsUploadAndDownloadProgressInSmallStepsUpToTheSize() throws Exception {
        Path source = file("video.mp4", ApiClient.CHUNK_BYTES + 300_000);
        long size = Files.size(source);
        Recorder up = new Recorder(Long.MAX_VALUE);
        UploadedFile u = client(pki, "tok").upload(source, "video/mp4", up);
        assertThat(up.done.get()).isEqualTo(size);
        assertThat(up.steps.size()).isGreaterThan((int) (size / ApiClient.SLICE_BYTES) / 2);
        assertThat(up.steps).isSorted();

        Recorder down = new Recorder(Long.MAX_VALUE);
        Path target = dir.resolve("video-copy.mp4");
        client(pki, "tok").download(u.fileId(), u.sha256(), target, down);
        assertThat(down.done.get()).isEqualTo(size);
        assertThat(down.steps.size()).isGreaterThan(2);
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void aCancelledUploadStopsBetweenSlicesAndCanBeSentAgain() throws Exception {
        Path source = file("big.iso", 2 * ApiClient.CHUNK_BYTES + 10);
        ApiClient c = client(pki, "tok");
        Recorder first = new Recorder(ApiClient.CHUNK_BYTES + 1);
        assertThatThrownBy(() -> c.upload(source, "", first)).isInstanceOf(TransferCancelledException.class);
        assertThat(first.done.get()).isLessThan(ApiClient.CHUNK_BYTES + 3L * ApiClient.SLICE_BYTES);
        assertThat(api.files).isEmpty();

        Recorder second = new Recorder(Long.MAX_VALUE);
        UploadedFile up = c.upload(source, "", second);

        assertThat(api.files.get(up.fileId())).isEqualTo(Files.readAllBytes(source));
        assertThat(second.done.get()).isEqualTo(Files.size(source));
        assertThat(second.steps).isSorted();
    }

    @Test
    void aCancelledDownloadKeepsItsPartAndResumes() throws Exception {
        Path source = file("archive.zip", 3 * ApiClient.SLICE_BYTES * 4);
        UploadedFile up = client(pki, "tok").upload(source, "application/zip");
        Path target = dir.resolve("archive-copy.zip");

        assertThatThrownBy(() -> client(pki, "tok").download(up.fileId(), up.sha256(), target, new Recorder(100_000)))
                .isInstanceOf(TransferCancelledException.class);
        assertThat(target).doesNotExist();
        long part = Files.size(dir.resolve("archive-copy.zip.part"));
        assertThat(part).isPositive();

        Recorder resumed = new Recorder(Long.MAX_VALUE);
        client(pki, "tok").download(up.fileId(), up.sha256(), target, resumed);
        assertThat(resumed.steps.get(0)).isEqualTo(part);
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void aTransferCancelledBeforeItStartsSendsNothing() throws Exception {
        Path source = file("d.txt", 10);
        assertThatThrownBy(() -> client(pki, "tok").upload(source, "", new Recorder(0)))
                .isInstanceOf(TransferCancelledException.class);
        assertThat(api.requests).isEmpty();
    }
}
