package im.magpie.bench;

import im.magpie.client.net.GatewaySettings;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.Executor;

/** What every simulated device shares: the gateway settings (pinned TLS), the event loops and the callback threads. */
record Net(GatewaySettings settings, EventLoopGroup group, Executor callbacks) {}
