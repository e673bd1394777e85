package im.magpie.server.transport.http;

import com.sun.net.httpserver.HttpExchange;
import im.magpie.server.account.UserId;
import im.magpie.server.files.FileDownload;
import im.magpie.server.files.FileException;
import im.magpie.server.files.FileId;
import im.magpie.server.files.FileService;
import im.magpie.server.files.UploadId;
import im.magpie.server.files.UploadSpec;
import im.magpie.server.session.InvalidTokenException;
import im.magpie.server.session.SessionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file endpoints of docs/protocol.md §6: resumable upload and ranged download, streamed. */
public final class FileRoutes {
    /** The largest chunk of one PUT. */
    public static final long MAX_CHUNK_BYTES = 8L * 1024 * 1024;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,18})-");

    private final SessionService sessions;
    private final FileService files;
    private final HttpJson json;

    public FileRoutes(SessionService sessions, FileService files, HttpJson json) {
        this.sessions = sessions;
        this.files = files;
        this.json = json;
    }

    /** {@code /v1/uploads} and {@code /v1/uploads/{id}}. */
    public void uploads(HttpExchange exchange) throws HttpFailure, IOException {
        UserId user = authenticate(exchange);
        String rest = exchange.getRequestURI().getPath().substring("/v1/uploads".length());
        try {
            if (rest.isEmpty() || rest.equals("/")) {
                HttpJson.requireMethod(exchange, "POST");
                UploadRequest request = json.read(exchange, UploadRequest.class);
                json.send(exchange, 200, UploadStatusResponse.of(files.begin(user, spec(request))));
                return;
            }
            UploadId upload = new UploadId(id(rest.substring(1)));
            if (exchange.getRequestMethod().equals("PUT")) {
                json.send(exchange, 200, UploadStatusResponse.of(append(exchange, user, upload)));
            } else {
                HttpJson.requireMethod(exchange, "GET");
                json.send(exchange, 200, UploadStatusResponse.of(files.status(user, upload)));
            }
        } catch (FileException e) {
            throw failure(e);
        }
    }

    /** {@code GET /v1/files/{id}} with optional {@code Range: bytes=N-}. */
    public void download(HttpExchange exchange) throws HttpFailure, IOException {
        UserId user = authenticate(exchange);
        HttpJson.requireMethod(exchange, "GET");
        FileId file = new FileId(id(exchange.getRequestURI().getPath().substring("/v1/files/".length())));
        long offset = rangeStart(exchange.getRequestHeaders().getFirst("Range"));
        FileDownload download;
        try {
            download = files.open(user, file, offset);
        } catch (FileException e) {
            throw e.reason() == FileException.Reason.INVALID && offset > 0 ? unsatisfiable(offset) : failure(e);
        }
        try (InputStream content = download.content()) {
            if (offset > 0 && offset >= download.size()) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + download.size());
                throw unsatisfiable(offset);
            }
            long length = download.size() - offset;
            exchange.getResponseHeaders().set("X-Magpie-Sha256", download.sha256());
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            int status = 200;
            if (offset > 0) {
                status = 206;
                exchange.getResponseHeaders()
                        .set("Content-Range", "bytes " + offset + "-" + (download.size() - 1) + "/" + download.size());
            }
            exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                content.transferTo(out);
            }
        }
    }

    private im.magpie.server.files.UploadStatus append(HttpExchange exchange, UserId user, UploadId upload)
            throws HttpFailure, IOException, FileException {
        long offset = offset(exchange.getRequestURI().getRawQuery());
        String lengthHeader = exchange.getRequestHeaders().getFirst("Content-Length");
        if (lengthHeader == null) {
            throw new HttpFailure(400, "BAD_REQUEST", "Content-Length is required");
        }
        long length;
        try {
            length = Long.parseLong(lengthHeader.trim());
        } catch (NumberFormatException e) {
            throw new HttpFailure(400, "BAD_REQUEST", "malformed Content-Length");
        }
        if (length > MAX_CHUNK_BYTES) {
            throw new HttpFailure(413, "TOO_LARGE", "a chunk may carry at most 8 MiB");
        }
        try (InputStream body = exchange.getRequestBody()) {
            return files.append(user, upload, offset, body, length);
        }
    }

    private UserId authenticate(HttpExchange exchange) throws HttpFailure {
        try {
            return sessions.authenticate(HttpJson.bearer(exchange, "INVALID_TOKEN"))
                    .account()
                    .id();
        } catch (InvalidTokenException e) {
            throw new HttpFailure(401, "INVALID_TOKEN", "unknown, expired or revoked token");
        }
    }

    static UploadSpec spec(UploadRequest request) throws HttpFailure {
        String name = request.name();
        String sha = request.sha256();
        if (name == null || !validName(name)) {
            throw new HttpFailure(
                    400, "BAD_REQUEST", "name is missing or contains '/', '\\', '..' or control characters");
        }
        if (sha == null || !SHA256.matcher(sha).matches()) {
            throw new HttpFailure(400, "BAD_REQUEST", "sha256 must be 64 lowercase hex characters");
        }
        if (request.size() < 0) {
            throw new HttpFailure(400, "BAD_REQUEST", "size must not be negative");
        }
        String mediaType = Objects.requireNonNullElse(request.mediaType(), "");
        if (mediaType.length() > 255) {
            throw new HttpFailure(400, "BAD_REQUEST", "mediaType is too long");
        }
        return new UploadSpec(name, request.size(), sha, mediaType);
    }

    static boolean validName(String name) {
        return !name.isEmpty()
                && name.length() <= 255
                && !name.contains("/")
                && !name.contains("\\")
                && !name.contains("..")
                && name.chars().noneMatch(Character::isISOControl);
    }

    static long offset(@org.jspecify.annotations.Nullable String query) throws HttpFailure {
        if (query != null) {
            for (String part : query.split("&", -1)) {
                if (part.startsWith("offset=") && part.substring(7).matches("\\d{1,18}")) {
                    return Long.parseLong(part.substring(7));
                }
            }
        }
        throw new HttpFailure(400, "BAD_REQUEST", "offset=N is required");
    }

    static long rangeStart(@org.jspecify.annotations.Nullable String range) throws HttpFailure {
        if (range == null) {
            return 0;
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches()) {
            throw new HttpFailure(400, "BAD_REQUEST", "only 'Range: bytes=N-' is supported");
        }
        return Long.parseLong(m.group(1));
    }

    private static String id(String text) throws HttpFailure {
        if (!ID.matcher(text).matches()) {
            throw new HttpFailure(404, "NOT_FOUND", "no such id");
        }
        return text;
    }

    private static HttpFailure unsatisfiable(long offset) {
        return new HttpFailure(416, "RANGE_NOT_SATISFIABLE", "range start " + offset + " is not below the size");
    }

    static HttpFailure failure(FileException e) {
        String detail = Objects.requireNonNullElse(e.getMessage(), e.reason().name());
        return switch (e.reason()) {
            case INVALID -> new HttpFailure(400, "BAD_REQUEST", detail);
            case TOO_LARGE -> new HttpFailure(413, "TOO_LARGE", detail);
            case UNKNOWN_UPLOAD, NOT_FOUND -> new HttpFailure(404, "NOT_FOUND", detail);
            case OFFSET_MISMATCH ->
                new HttpFailure(409, new ErrorResponse("OFFSET_MISMATCH", detail, e.expectedOffset()));
            case CHECKSUM_MISMATCH -> new HttpFailure(422, "CHECKSUM_MISMATCH", detail);
        };
    }
}
