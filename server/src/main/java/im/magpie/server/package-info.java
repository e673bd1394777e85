/** The Magpie server. Start at {@link im.magpie.server.ServerMain}. */
@NullMarked
package im.magpie.server;

import org.jspecify.annotations.NullMarked;
