package im.magpie.server.push;

import im.magpie.server.account.UserId;
import im.magpie.server.session.DeviceId;
import java.time.Instant;

/** A connected, logged-in device as administrators see it. */
public record OnlineDevice(UserId user, DeviceId device, String platform, String address, Instant since) {}
