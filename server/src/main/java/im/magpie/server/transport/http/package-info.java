/**
 * The HTTP ports: {@link im.magpie.server.transport.http.DiscoveryServer} (plain HTTP, port 7080) and
 * {@link im.magpie.server.transport.http.ApiServer} (HTTPS JSON, port 7443) with
 * {@link im.magpie.server.transport.http.FileRoutes}. Request and response bodies are records here.
 */
@NullMarked
package im.magpie.server.transport.http;

import org.jspecify.annotations.NullMarked;
