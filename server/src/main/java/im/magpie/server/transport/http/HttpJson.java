package im.magpie.server.transport.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON in and out of JDK HTTP exchanges, and the edge where route failures become error responses. */
public final class HttpJson {
    /** The largest JSON request body read, in bytes. */
    public static final int MAX_JSON_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpJson.class);

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A route body that answers by itself or throws {@link HttpFailure}. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws HttpFailure, IOException;
    }

    /** Wraps a route: failures become JSON errors, unexpected ones a 500 with an error id; the exchange is closed. */
    public HttpHandler handler(Route route) {
        return exchange -> {
            try {
                route.handle(exchange);
            } catch (HttpFailure failure) {
                sendQuietly(exchange, failure.status(), failure.body());
            } catch (IOException e) {
                log.debug(
                        "HTTP exchange {} {} failed: {}",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        e.toString());
            } catch (RuntimeException e) {
                String errorId = UUID.randomUUID().toString();
                log.error(
                        "Internal error {} on {} {}",
                        errorId,
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        e);
                sendQuietly(exchange, 500, new ErrorResponse("INTERNAL", "error id " + errorId));
            } finally {
                exchange.close();
            }
        };
    }

    public <T> T read(HttpExchange exchange, Class<T> type) throws HttpFailure, IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw new HttpFailure(413, "TOO_LARGE", "JSON body above 64 KiB");
            }
            return mapper.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new HttpFailure(400, "BAD_REQUEST", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    public void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Fails with 405 unless the method is {@code expected}. */
    public static void requireMethod(HttpExchange exchange, String expected) throws HttpFailure {
        if (!exchange.getRequestMethod().equals(expected)) {
            exchange.getResponseHeaders().set("Allow", expected);
            throw new HttpFailure(405, "METHOD_NOT_ALLOWED", "use " + expected);
        }
    }

    /** The bearer token of the Authorization header, or a 401 failure. */
    public static String bearer(HttpExchange exchange, String code) throws HttpFailure {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() > 512) {
            throw new HttpFailure(401, code, "missing bearer token");
        }
        return header.substring("Bearer ".length()).trim();
    }

    private void sendQuietly(HttpExchange exchange, int status, ErrorResponse body) {
        try {
            send(exchange, status, body);
        } catch (IOException e) {
            log.debug("Could not send error {} to client: {}", status, e.toString());
        }
    }
}
