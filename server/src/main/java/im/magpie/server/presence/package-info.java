/** Who is online: per-device presence, subscriptions. Start at {@link im.magpie.server.presence.PresenceService}. */
@NullMarked
package im.magpie.server.presence;

import org.jspecify.annotations.NullMarked;
