/**
 * The wire contract shared by client and server: protocol version constants and the framing of the
 * long connection. Generated message classes live in {@code im.magpie.protocol.v1}. Start with
 * {@link im.magpie.protocol.Framing}.
 */
@NullMarked
package im.magpie.protocol;

import org.jspecify.annotations.NullMarked;
