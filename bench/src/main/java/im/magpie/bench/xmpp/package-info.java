/**
 * The XMPP side of the benchmark: an incremental splitter of an XMPP stream into top-level elements, the few stanzas a
 * simulated chat client sends and reads (RFC 6120/6121: stream, SASL PLAIN, resource binding, presence, chat
 * messages, XEP-0199 pings), and a Netty client session over direct TLS (XEP-0368).
 */
@NullMarked
package im.magpie.bench.xmpp;

import org.jspecify.annotations.NullMarked;
