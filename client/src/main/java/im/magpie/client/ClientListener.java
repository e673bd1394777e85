package im.magpie.client;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.protocol.v1.UserPresence;
import java.util.List;

/** What a client hears about; every method runs on the client's callback executor and must not block. */
public interface ClientListener {
    /** New or changed log entries were stored (in log order per conversation). */
    default void onEntries(List<EntryRecord> entries) {}

    /** Conversation states changed (members, title, read marks, last seq, active). */
    default void onConversationsChanged(List<ConversationRecord> conversations) {}

    default void onConnectionState(ConnectionState state) {}

    /** The session ended for good (kick, revoked token, changed certificate): the user must log in again. */
    default void onSessionEnded(String reason) {}

    /**
     * An administrator ordered this device to wipe itself and the client did: the account's database, device key and
     * cache directory are deleted, the session is gone (no {@link #onSessionEnded} follows). {@code error} is null
     * when everything was deleted, else what could not be.
     */
    default void onDeviceWiped(DeviceWipedException wipe, @org.jspecify.annotations.Nullable Exception error) {}

    default void onPresence(List<UserPresence> presence) {}

    /** An outbox message was sent and stored by the server under {@code seq}. */
    default void onMessageSent(String clientMessageId, long conversationId, long seq) {}

    /** An outbox message was refused for good; {@code code} is the error code name. */
    default void onMessageFailed(String clientMessageId, long conversationId, String code) {}
}
