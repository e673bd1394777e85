package im.magpie.desktop.group;

import im.magpie.desktop.contacts.Presence;
import java.util.Map;

/** What the client reports to the group screens; called on a client thread, must not block. */
public interface GroupEvents {
    /** Conversation states or the user's settings changed (members, roles, titles, mute): reload what is shown. */
    default void groupsChanged() {}

    /** Presence of watched people changed. */
    default void presenceChanged(Map<Long, Presence> changes) {}
}
