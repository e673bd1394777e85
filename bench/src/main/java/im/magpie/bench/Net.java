package im.magpie.bench;

import im.magpie.client.net.GatewaySettings;
import im.magpie.client.net.TlsContexts;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;

/**
 * What every simulated device shares: the gateway settings, the pinned trust ({@code tls}, from which each device
 * builds its own TLS client context, as each client does), which TLS implementation those contexts use
 * ({@code deviceProvider}: the client library's JDK provider, or OpenSSL to keep the generator's own handshakes cheap),
 * the event loops, the callback threads, and the count of sends the server acknowledged ({@code acknowledged}, for
 * {@link MessageAudit}).
 */
record Net(
        GatewaySettings settings,
        TlsContexts tls,
        SslProvider deviceProvider,
        EventLoopGroup group,
        Executor callbacks,
        LongAdder acknowledged) {
    /** Devices with the client library's own TLS contexts (JDK provider). */
    Net(GatewaySettings settings, TlsContexts tls, EventLoopGroup group, Executor callbacks) {
        this(settings, tls, SslProvider.JDK, group, callbacks, new LongAdder());
    }

    /** The same, but every device's TLS context made with {@code provider}. */
    Net withDeviceProvider(SslProvider provider) {
        return new Net(settings, tls, provider, group, callbacks, acknowledged);
    }

    /** The gateway settings with a new TLS client context of one device's own (no session ticket yet). */
    GatewaySettings deviceSettings() {
        return new GatewaySettings(
                settings.host(),
                settings.port(),
                deviceContext(),
                settings.clientAgent(),
                settings.connectTimeout(),
                settings.requestTimeout());
    }

    private SslContext deviceContext() {
        if (deviceProvider == SslProvider.JDK) {
            return tls.nettyContext();
        }
        try {
            // As TlsContexts.nettyContext, with another provider: the same protocols and the same pinned trust.
            return SslContextBuilder.forClient()
                    .sslProvider(deviceProvider)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .trustManager(tls.trustManager())
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a device's TLS context with " + deviceProvider, e);
        }
    }
}
