package im.magpie.desktop.chat;

import java.util.Set;

/** What the client reports; called on a client thread (never the FX thread), must not block. */
public interface ChatEvents {
    /** New or changed entries were stored in these conversations. */
    default void entriesChanged(Set<Long> conversationIds) {}

    /** The states of these conversations changed (members, titles, read marks). */
    default void conversationsChanged(Set<Long> conversationIds) {}

    default void connectionChanged(boolean online) {}

    /** The server ended the session (kicked, revoked, certificate changed). */
    default void sessionEnded(String reason) {}

    default void messageSent(String clientMessageId, long conversationId, long seq) {}

    default void messageFailed(String clientMessageId, long conversationId, String code) {}
}
