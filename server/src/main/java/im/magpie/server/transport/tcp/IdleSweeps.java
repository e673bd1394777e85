package im.magpie.server.transport.tcp;

import io.netty.channel.ChannelHandler;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The idle cut of a gateway: a connection from which nothing was read for {@value #SILENT_SWEEPS} sweeps in a row is
 * closed (after 3 to 3.5 heartbeat intervals of silence). Each event loop sweeps its own connections every half
 * interval with one timer, instead of one timer per connection (Netty's {@code IdleStateHandler}): with 19,000
 * sessions at a 60 s heartbeat those timers expired ~130 times a second, nearly every expiry a wake-up of an event loop
 * of its own (~0.4 wake-ups per heartbeat on top of the heartbeat's). A sweep touches only connections of its own
 * event loop, on that loop.
 */
final class IdleSweeps {
    /** Sweeps of half an interval without a read before the cut: 3 intervals at least, 3.5 at most. */
    static final int SILENT_SWEEPS = 6;

    private final long periodNanos;
    private final Map<EventExecutor, Set<IdleCheck>> sweeps = new ConcurrentHashMap<>();

    IdleSweeps(int heartbeatSeconds) {
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be positive");
        }
        this.periodNanos = TimeUnit.SECONDS.toNanos(heartbeatSeconds) / 2;
    }

    /** The idle check of one new connection (its handler in the pipeline). */
    ChannelHandler newCheck() {
        return new IdleCheck(this);
    }

    /** Called on {@code loop}: from now on the loop's sweep looks at {@code check}. */
    void add(EventExecutor loop, IdleCheck check) {
        sweeps.computeIfAbsent(loop, this::startSweep).add(check);
    }

    /** Called on {@code loop}. */
    void remove(EventExecutor loop, IdleCheck check) {
        Set<IdleCheck> checks = sweeps.get(loop);
        if (checks != null) {
            checks.remove(check);
        }
    }

    /** The connections of one event loop and its one timer (started with the loop's first connection, never stopped). */
    private Set<IdleCheck> startSweep(EventExecutor loop) {
        Set<IdleCheck> checks = new HashSet<>(); // touched on the event loop only
        var unused = loop.scheduleAtFixedRate(() -> sweep(checks), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        return checks;
    }

    private static void sweep(Set<IdleCheck> checks) {
        List<IdleCheck> silent = new ArrayList<>();
        for (IdleCheck check : checks) {
            if (check.swept()) {
                silent.add(check);
            }
        }
        silent.forEach(IdleCheck::cut);
    }
}
