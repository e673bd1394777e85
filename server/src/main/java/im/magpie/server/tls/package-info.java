/**
 * TLS material for every port: the installation CA and server certificate generated on first start,
 * or the operator's PEM chain. Start at {@link im.magpie.server.tls.TlsSetup} and
 * {@link im.magpie.server.tls.TlsMaterial}.
 */
@NullMarked
package im.magpie.server.tls;

import org.jspecify.annotations.NullMarked;
