package im.magpie.server.push;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the flush tasks that one thread's burst of replies and notifications would schedule, so that each
 * connection gets ONE task on its event loop for all of them: the log writer completes a commit's futures (their
 * callbacks queue the send replies) and publishes the commit's advances inside {@link #together}, and the reply
 * and the notification then leave in one write (one TLS record) instead of two event-loop wake-ups.
 */
final class HeldFlushes {
    // One instance per connection registry, i.e. per server: held per thread, not shared by all servers of a JVM.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<@Nullable List<DeviceConnection>> held = new ThreadLocal<>();

    /** Runs {@code work}; the flushes it schedules on this thread start when it returns (or throws). */
    void together(Runnable work) {
        if (held.get() != null) {
            work.run();
            return;
        }
        List<DeviceConnection> due = new ArrayList<>();
        held.set(due);
        try {
            work.run();
        } finally {
            held.remove();
            for (DeviceConnection connection : due) {
                connection.startFlush();
            }
        }
    }

    /** Starts the connection's flush now, or at the end of this thread's {@link #together}. */
    void schedule(DeviceConnection connection) {
        List<DeviceConnection> due = held.get();
        if (due == null) {
            connection.startFlush();
        } else {
            due.add(connection);
        }
    }
}
