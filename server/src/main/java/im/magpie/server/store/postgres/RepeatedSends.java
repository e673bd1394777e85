package im.magpie.server.store.postgres;

import im.magpie.server.messaging.SendReceipt;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receipts of sends found to repeat a committed message (same sender and client message id), kept so that the
 * same repeat arriving again is answered from memory instead of costing another refused batch (see
 * {@link LogWriter}). Bounded, least recently used first out; a receipt never changes once committed. Writer thread
 * only.
 */
final class RepeatedSends {
    static final int DEFAULT_CAPACITY = 4_096;

    private final Map<LogLookups.SendKey, SendReceipt> receipts;

    RepeatedSends(int capacity) {
        this.receipts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LogLookups.SendKey, SendReceipt> eldest) {
                return size() > capacity;
            }
        };
    }

    @Nullable
    SendReceipt get(LogLookups.SendKey key) {
        return receipts.get(key);
    }

    void putAll(Map<LogLookups.SendKey, SendReceipt> found) {
        receipts.putAll(found);
    }
}
