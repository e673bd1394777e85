package im.magpie.bench;

import im.magpie.protocol.v1.LogEntry;

/**
 * Receives every message of another user that a device received, inline in a notification or by sync (once each).
 * Called on a callback thread.
 */
interface MessageSink {
    void onMessage(Device receiver, LogEntry entry, long receivedNanos);

    /** Called when a notification arrives (before any sync it causes). */
    default void onNotification(Device receiver, long receivedNanos) {}

    MessageSink NONE = (receiver, entry, nanos) -> {};
}
