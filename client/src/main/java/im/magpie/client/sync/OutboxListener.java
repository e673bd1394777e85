package im.magpie.client.sync;

/** Hears what became of outbox messages; called on the outbox's scheduler thread. */
public interface OutboxListener {
    default void onSent(String clientMessageId, long conversationId, long seq) {}

    default void onFailed(String clientMessageId, long conversationId, String code) {}
}
