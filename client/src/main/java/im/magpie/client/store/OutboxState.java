package im.magpie.client.store;

/** Where an outbox message stands. */
public enum OutboxState {
    /** Stored locally, not yet acknowledged by the server. */
    PENDING,
    /** Acknowledged: the server stored it under a seq. */
    SENT,
    /** Refused by the server with a definitive error; will not be retried. */
    FAILED
}
