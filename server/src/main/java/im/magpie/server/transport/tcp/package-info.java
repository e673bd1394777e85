/**
 * The long connection on port 7006: {@link im.magpie.server.transport.tcp.GatewayServer} (bootstrap),
 * {@link im.magpie.server.transport.tcp.GatewayInitializer} (pipeline), then per connection
 * {@link im.magpie.server.transport.tcp.HandshakeHandler} → {@link im.magpie.server.transport.tcp.LoginHandler}
 * → {@link im.magpie.server.transport.tcp.RequestDispatcher}. Errors map in one place:
 * {@link im.magpie.server.transport.tcp.ErrorMapper}.
 */
@NullMarked
package im.magpie.server.transport.tcp;

import org.jspecify.annotations.NullMarked;
