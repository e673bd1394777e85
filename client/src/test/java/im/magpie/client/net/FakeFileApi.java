package im.magpie.client.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The HTTPS file API of protocol.md §6, in memory, on loopback, with a certificate for no host name at all. */
final class FakeFileApi implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** Upload chunks to accept before pretending the connection broke (-1: never). */
    volatile int failAfterChunks = -1;
    /** When true, the next PUT answers 409 as if another client had advanced the upload. */
    volatile boolean nextPutConflicts;
    /** When set, downloads serve these bytes instead of the file (to test checksum verification). */
    volatile byte[] corrupt = new byte[0];

    private final HttpsServer server;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger chunks = new AtomicInteger();

    FakeFileApi(TestPki pki) throws Exception {
        // the server presents its whole chain, CA included (protocol.md §2)
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "pw".toCharArray();
        ks.setKeyEntry(
                "server",
                pki.server().getKeyPair().getPrivate(),
                pw,
                pki.server().getCertificatePathWithRoot());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/v1/", this::handle);
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI()
                + (ex.getRequestHeaders().containsKey("Range")
                        ? " " + ex.getRequestHeaders().getFirst("Range")
                        : ""));
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!"Bearer tok".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"code\":\"INVALID_TOKEN\",\"detail\":\"\"}");
        } else if (path.equals("/v1/uploads") && ex.getRequestMethod().equals("POST")) {
            String json = new String(body, StandardCharsets.UTF_8);
            long size = Long.parseLong(json.replaceAll(".*\"size\":(\\d+).*", "$1"));
            String sha = json.replaceAll(".*\"sha256\":\"([0-9a-f]+)\".*", "$1");
            String id = "u" + uploads.size();
            uploads.put(id, new Upload(size, sha));
            send(ex, 200, status(id));
        } else if (path.startsWith("/v1/uploads/") && ex.getRequestMethod().equals("GET")) {
            send(ex, 200, status(path.substring("/v1/uploads/".length())));
        } else if (path.startsWith("/v1/uploads/") && ex.getRequestMethod().equals("PUT")) {
            put(ex, path.substring("/v1/uploads/".length()), body);
        } else if (path.startsWith("/v1/files/")) {
            download(ex, files.getOrDefault(path.substring("/v1/files/".length()), new byte[0]));
        } else {
            send(ex, 404, "{\"code\":\"NOT_FOUND\",\"detail\":\"\"}");
        }
    }

    private void put(HttpExchange ex, String id, byte[] body) throws IOException {
        Upload u = upload(id);
        long offset = Long.parseLong(ex.getRequestURI().getQuery().replace("offset=", ""));
        if (nextPutConflicts) {
            nextPutConflicts = false;
            send(ex, 409, "{\"code\":\"OFFSET_MISMATCH\",\"detail\":\"\",\"received\":" + u.data.size() + "}");
            return;
        }
        if (offset != u.data.size()) {
            send(ex, 409, "{\"code\":\"OFFSET_MISMATCH\",\"detail\":\"\",\"received\":" + u.data.size() + "}");
            return;
        }
        if (failAfterChunks >= 0 && chunks.getAndIncrement() >= failAfterChunks) {
            failAfterChunks = -1;
            u.data.write(body, 0, body.length / 2); // half arrived, then the line broke
            ex.close();
            return;
        }
        u.data.write(body, 0, body.length);
        send(ex, 200, status(id));
    }

    private Upload upload(String id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw new IllegalStateException("no upload " + id);
        }
        return u;
    }

    private String status(String id) {
        Upload u = upload(id);
        String fileId = "null";
        if (u.data.size() == u.size) {
            byte[] all = u.data.toByteArray();
            if (sha256(all).equals(u.sha)) {
                fileId = "\"f-" + u.sha.substring(0, 8) + "\"";
                files.put("f-" + u.sha.substring(0, 8), all);
            }
        }
        return "{\"uploadId\":\"" + id + "\",\"size\":" + u.size + ",\"received\":" + u.data.size() + ",\"fileId\":"
                + fileId + "}";
    }

    private void download(HttpExchange ex, byte[] file) throws IOException {
        if (file.length == 0) {
            send(ex, 404, "{\"code\":\"NOT_FOUND\",\"detail\":\"no such file\"}");
            return;
        }
        byte[] content = corrupt.length > 0 ? corrupt : file;
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        if (from >= content.length) {
            send(ex, 416, "{\"code\":\"RANGE_NOT_SATISFIABLE\",\"detail\":\"\"}");
            return;
        }
        if (from > 0) {
            ex.getResponseHeaders()
                    .add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, content.length - from);
        ex.getResponseBody().write(content, from, content.length - from);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Upload {
        final long size;
        final String sha;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Upload(long size, String sha) {
            this.size = size;
            this.sha = sha;
        }
    }
}
