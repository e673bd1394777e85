package im.magpie.bench.sessions;

import java.util.concurrent.atomic.LongAdder;

/** What a worker's sessions did: heartbeats sent and answered, sessions that closed after their login, setup retries. */
final class SessionCounters {
    final LongAdder pings = new LongAdder();
    final LongAdder pongs = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder retries = new LongAdder();
}
