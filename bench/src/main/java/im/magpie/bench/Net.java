package im.magpie.bench;

import im.magpie.client.net.GatewaySettings;
import im.magpie.client.net.TlsContexts;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.Executor;

/**
 * What every simulated device shares: the gateway settings, the pinned trust ({@code tls}, from which each device
 * builds its own TLS client context, as each client does), the event loops and the callback threads.
 */
record Net(GatewaySettings settings, TlsContexts tls, EventLoopGroup group, Executor callbacks) {
    /** The gateway settings with a new TLS client context of one device's own (no session ticket yet). */
    GatewaySettings deviceSettings() {
        return new GatewaySettings(
                settings.host(),
                settings.port(),
                tls.nettyContext(),
                settings.clientAgent(),
                settings.connectTimeout(),
                settings.requestTimeout());
    }
}
