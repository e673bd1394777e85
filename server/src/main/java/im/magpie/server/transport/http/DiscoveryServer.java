package im.magpie.server.transport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import im.magpie.protocol.ProtocolVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Plain HTTP on port 7080: {@code GET /discovery}; 404 JSON for other paths, 405 for other methods. */
public final class DiscoveryServer implements AutoCloseable {
    private final HttpListener listener;

    /** What discovery announces; ports are the bound ones. */
    public record Announcement(
            String serverVersion, @Nullable String publicHost, int gatewayPort, int apiPort, String fingerprint) {}

    private DiscoveryServer(HttpListener listener) {
        this.listener = listener;
    }

    public static DiscoveryServer start(String host, int port, Announcement announcement, Clock clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        HttpJson json = new HttpJson();
        server.createContext("/", json.handler(exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/discovery")) {
                throw new HttpFailure(404, "NOT_FOUND", "no such path");
            }
            HttpJson.requireMethod(exchange, "GET");
            json.send(exchange, 200, describe(exchange, announcement, clock));
        }));
        return new DiscoveryServer(HttpListener.start(server, "discovery", 2, 64));
    }

    static DiscoveryResponse describe(HttpExchange exchange, Announcement a, Clock clock) {
        String host = a.publicHost() != null ? a.publicHost() : requestHost(exchange);
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        return new DiscoveryResponse(
                a.serverVersion(),
                ProtocolVersion.CURRENT,
                ProtocolVersion.MIN_SUPPORTED,
                new DiscoveryResponse.GatewayAddress(host, a.gatewayPort()),
                "https://" + urlHost + ":" + a.apiPort(),
                a.fingerprint(),
                clock.millis());
    }

    /** The Host header without its port (brackets of an IPv6 literal removed), or the local address. */
    static String requestHost(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Host");
        if (header == null || header.isBlank() || header.length() > 255) {
            return exchange.getLocalAddress().getAddress().getHostAddress();
        }
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end > 0 ? header.substring(1, end) : header;
        }
        int colon = header.indexOf(':');
        return colon >= 0 ? header.substring(0, colon) : header;
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }
}
