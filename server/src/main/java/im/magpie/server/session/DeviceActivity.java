package im.magpie.server.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last-seen facts of token logins (name, platform, time of the device), written to the store in batches instead
 * of one transaction per login: {@link #flush} writes what is pending in one batch (the core calls it every
 * {@link #FLUSH_PERIOD_MILLIS} ms, before device lists are read, and at shutdown). A device touched twice before a
 * flush is written once, with the later facts. Last-seen is informational: a crash loses at most the pending facts.
 */
public final class DeviceActivity {
    public static final long FLUSH_PERIOD_MILLIS = 1000;

    private final SessionStore store;
    private final Object flushing = new Object();
    private Map<DeviceId, SessionStore.Touch> pending = new LinkedHashMap<>(); // guarded by this

    public DeviceActivity(SessionStore store) {
        this.store = store;
    }

    void touch(DeviceId device, String name, String platform, Instant at) {
        synchronized (this) {
            pending.put(device, new SessionStore.Touch(device, name, platform, at));
        }
    }

    /** Writes the pending facts (one batch); returns how many devices it wrote. */
    public int flush() {
        synchronized (flushing) { // batches reach the store in the order they were taken
            List<SessionStore.Touch> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return 0;
                }
                batch = new ArrayList<>(pending.values());
                pending = new LinkedHashMap<>();
            }
            store.touchDevices(batch);
            return batch.size();
        }
    }
}
