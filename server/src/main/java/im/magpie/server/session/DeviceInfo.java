package im.magpie.server.session;

import java.time.Instant;

/** A device of a user, for device lists (the admin CLI now, the console later). */
public record DeviceInfo(DeviceId id, String name, String platform, Instant firstSeen, Instant lastSeen) {}
