/**
 * The load generator: starts a Magpie server as a separate process, drives simulated devices over the real protocol
 * (pinned TLS, Hello, login, send, notification, sync), accounts CPU and memory from /proc and writes the results.
 */
@NullMarked
package im.magpie.bench;

import org.jspecify.annotations.NullMarked;
