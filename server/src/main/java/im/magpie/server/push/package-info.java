/** The only door to devices: {@link im.magpie.server.push.EventPublisher} (port) and its implementation on the long connection. */
@NullMarked
package im.magpie.server.push;

import org.jspecify.annotations.NullMarked;
