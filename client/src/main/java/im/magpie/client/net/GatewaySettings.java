package im.magpie.client.net;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/** Where and how to open a gateway connection. */
public record GatewaySettings(
        String host, int port, SslContext ssl, String clientAgent, Duration connectTimeout, Duration requestTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public GatewaySettings(String host, int port, SslContext ssl, String clientAgent) {
        this(host, port, ssl, clientAgent, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
}
