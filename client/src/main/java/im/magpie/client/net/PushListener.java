package im.magpie.client.net;

import im.magpie.protocol.v1.Kicked;
import im.magpie.protocol.v1.Notification;
import im.magpie.protocol.v1.PresenceUpdate;
import im.magpie.protocol.v1.RemoteWipe;

/** Receives server pushes (request id 0). Called on the client's callback executor, never on a Netty thread. */
public interface PushListener {
    default void onNotification(Notification notification) {}

    default void onPresence(PresenceUpdate update) {}

    default void onKicked(Kicked kicked) {}

    default void onRemoteWipe(RemoteWipe wipe) {}
}
