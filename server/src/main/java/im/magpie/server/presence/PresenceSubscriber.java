package im.magpie.server.presence;

import im.magpie.server.account.UserId;
import java.util.Map;

/** A connection that wants presence changes of some users; must not block (it only queues a write). */
public interface PresenceSubscriber {
    void presenceChanged(Map<UserId, PresenceState> changes);
}
