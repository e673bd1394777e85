package im.magpie.client.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTPS file API (port 7443, protocol.md §6): resumable upload and ranged, verified download. Calls block; run
 * them off event loops and UI threads. The {@link HttpClient} must use the pinned {@link TlsContexts#jdkContext()}.
 */
public final class ApiClient {
    /** Bytes per upload chunk (the server accepts up to 8 MiB). */
    public static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private static final int MAX_JSON_BYTES = 64 * 1024;
    private static final int MAX_ROUNDS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final Supplier<String> token;
    private final ObjectMapper json;

    public ApiClient(HttpClient http, URI apiUrl, Supplier<String> token, ObjectMapper json) {
        this.http = http;
        this.base = apiUrl;
        this.token = token;
        this.json = json;
    }

    /** Bytes handed to the HTTP client at a time while a chunk is sent (the step of upload progress). */
    static final int SLICE_BYTES = 64 * 1024;

    /** Uploads {@code file}, resuming an interrupted upload of the same content, and returns the stored file. */
    public UploadedFile upload(Path file, String mediaType) throws IOException, ApiException, InterruptedException {
        return upload(file, mediaType, TransferProgress.NONE);
    }

    /**
     * Uploads as {@link #upload(Path, String)} does, reporting the bytes the server holds (a resumed upload first
     * reports what it already had) and stopping between slices when {@code progress} is cancelled.
     */
    public UploadedFile upload(Path file, String mediaType, TransferProgress progress)
            throws IOException, ApiException, InterruptedException {
        progress.checkCancelled();
        long size = Files.size(file);
        String sha256 = sha256(file, size);
        String name = String.valueOf(file.getFileName());
        ObjectNode create = json.createObjectNode()
                .put("name", name)
                .put("size", size)
                .put("sha256", sha256)
                .put("mediaType", mediaType);
        JsonNode status = call(request("/v1/uploads")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(create))));
        String uploadId = status.path("uploadId").asText();
        Shown shown = new Shown(progress);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String fileId = status.path("fileId").asText("");
            if (!fileId.isEmpty() && !status.path("fileId").isNull()) {
                shown.reach(size);
                return new UploadedFile(fileId, name, size, sha256, mediaType);
            }
            long received = status.path("received").asLong(-1);
            if (received < 0 || received > size) {
                throw new ApiException(0, "BAD_STATUS", "upload status has received=" + received);
            }
            shown.reach(received);
            progress.checkCancelled();
            status = putChunk(uploadId, file, received, size, shown);
        }
        throw new ApiException(0, "NO_PROGRESS", "upload " + uploadId + " did not complete");
    }

    /** Reports progress as a position in the file that only moves forward (a repeated chunk is not counted twice). */
    private static final class Shown {
        private final TransferProgress progress;
        private long at;

        Shown(TransferProgress progress) {
            this.progress = progress;
        }

        synchronized void reach(long position) {
            if (position > at) {
                progress.advanced(position - at);
                at = position;
            }
        }
    }

    /** The chunk as slices of {@link #SLICE_BYTES}; each slice handed to the HTTP client moves the progress on. */
    private static HttpRequest.BodyPublisher slices(byte[] chunk, long offset, Shown shown, TransferProgress progress) {
        Iterable<byte[]> parts = () -> new java.util.Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                return at < chunk.length;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                progress.checkCancelled();
                shown.reach(offset + at);
                int n = Math.min(SLICE_BYTES, chunk.length - at);
                byte[] slice = java.util.Arrays.copyOfRange(chunk, at, at + n);
                at += n;
                return slice;
            }
        };
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(parts), chunk.length);
    }

    private JsonNode putChunk(String uploadId, Path file, long offset, long size, Shown shown)
            throws IOException, ApiException, InterruptedException {
        int length = (int) Math.min(CHUNK_BYTES, size - offset);
        byte[] chunk = new byte[length];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(chunk);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // keep reading
            }
        }
        try {
            return call(request("/v1/uploads/" + uploadId + "?offset=" + offset)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(slices(chunk, offset, shown, shown.progress)));
        } catch (IOException e) {
            shown.progress.checkCancelled(); // a cancelled slice surfaces as a failed request
            throw e;
        } catch (ApiException e) {
            if (!"OFFSET_MISMATCH".equals(e.code())) {
                throw e;
            }
            return call(request("/v1/uploads/" + uploadId).GET());
        }
    }

    /**
     * Downloads a file to {@code target}: bytes go to {@code target.part} (resumed with {@code Range} when it exists),
     * the whole is checked against {@code sha256}, then renamed atomically onto {@code target}.
     */
    public void download(String fileId, String sha256, Path target)
            throws IOException, ApiException, InterruptedException {
        download(fileId, sha256, target, TransferProgress.NONE);
    }

    /**
     * Downloads as {@link #download(String, String, Path)} does, reporting bytes as they arrive (a resumed download
     * first reports the part it had) and stopping when {@code progress} is cancelled; the {@code .part} file stays for
     * a later resume.
     */
    public void download(String fileId, String sha256, Path target, TransferProgress progress)
            throws IOException, ApiException, InterruptedException {
        progress.checkCancelled();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder req = request("/v1/files/" + fileId).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int code = response.statusCode();
            if (code == 416 && have > 0) {
                in.readNBytes(MAX_JSON_BYTES);
                progress.advanced(have);
            } else if (code == 200 || code == 206) {
                boolean append = code == 206;
                if (append && have > 0) {
                    progress.advanced(have);
                }
                try (OutputStream out = Files.newOutputStream(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    byte[] buf = new byte[SLICE_BYTES];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        progress.checkCancelled();
                        if (n > 0) {
                            out.write(buf, 0, n);
                            progress.advanced(n);
                        }
                    }
                }
            } else {
                throw error(code, in.readNBytes(MAX_JSON_BYTES));
            }
        }
        String actual = sha256(part, Files.size(part));
        if (!actual.equalsIgnoreCase(sha256)) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(0, "downloaded " + fileId + " does not match its SHA-256");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get());
    }

    private JsonNode call(HttpRequest.Builder req) throws IOException, ApiException, InterruptedException {
        HttpResponse<InputStream> response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_JSON_BYTES);
        }
        if (response.statusCode() != 200) {
            throw error(response.statusCode(), body);
        }
        return json.readTree(body);
    }

    private ApiException error(int status, byte[] body) {
        @Nullable JsonNode n = null;
        try {
            n = json.readTree(body);
        } catch (IOException e) {
            // not JSON: fall through to a generic error
        }
        if (n == null || !n.path("code").isTextual()) {
            return new ApiException(status, "HTTP_" + status, "");
        }
        return ApiException.of(status, n.path("code").asText(), n.path("detail").asText(""));
    }

    /** Lowercase hex SHA-256 of the first {@code size} bytes of {@code file}. */
    public static String sha256(Path file, long size) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            long left = size;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                digest.update(buf, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
