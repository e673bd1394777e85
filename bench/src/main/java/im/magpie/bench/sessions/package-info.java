/**
 * Idle sessions at scale (S4 at 10,000 and 19,000): the generator child process ({@link SessionsWorker}) that holds
 * thousands of logged-in, heartbeating TLS sessions from one source address, and its lean session client.
 */
@NullMarked
package im.magpie.bench.sessions;

import org.jspecify.annotations.NullMarked;
