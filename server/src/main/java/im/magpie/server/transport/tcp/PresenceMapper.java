package im.magpie.server.transport.tcp;

import im.magpie.protocol.v1.Presence;
import im.magpie.protocol.v1.UserPresence;
import im.magpie.server.account.UserId;
import im.magpie.server.presence.PresenceState;
import org.jspecify.annotations.Nullable;

/** Presence values between the wire and the presence service. */
final class PresenceMapper {
    private PresenceMapper() {}

    static UserPresence toProto(UserId user, PresenceState state) {
        Presence presence = switch (state) {
            case ONLINE -> Presence.PRESENCE_ONLINE;
            case AWAY -> Presence.PRESENCE_AWAY;
            case OFFLINE -> Presence.PRESENCE_OFFLINE;
        };
        return UserPresence.newBuilder()
                .setUserId(user.value())
                .setPresence(presence)
                .build();
    }

    /** ONLINE or AWAY as a device may set them; null for anything else. */
    static @Nullable PresenceState settable(Presence presence) {
        return switch (presence) {
            case PRESENCE_ONLINE -> PresenceState.ONLINE;
            case PRESENCE_AWAY -> PresenceState.AWAY;
            default -> null;
        };
    }
}
