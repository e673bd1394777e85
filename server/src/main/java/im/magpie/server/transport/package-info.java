/** The network edges of the server: the long connection ({@code tcp}) and the HTTP ports ({@code http}). */
@NullMarked
package im.magpie.server.transport;

import org.jspecify.annotations.NullMarked;
