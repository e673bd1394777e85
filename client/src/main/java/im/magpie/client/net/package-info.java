/**
 * Network edge of the client: discovery over HTTP, certificate pinning, the long TLS connection to the gateway
 * ({@link im.magpie.client.net.GatewayConnection}, kept up by {@link im.magpie.client.net.Reconnector}) and the
 * HTTPS file API ({@link im.magpie.client.net.ApiClient}).
 */
@NullMarked
package im.magpie.client.net;

import org.jspecify.annotations.NullMarked;
