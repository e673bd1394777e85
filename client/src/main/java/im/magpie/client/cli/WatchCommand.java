package im.magpie.client.cli;

import im.magpie.client.ClientListener;
import im.magpie.client.store.EntryRecord;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "watch", description = "Stay connected and print each new message as it arrives (Ctrl-C to stop).")
final class WatchCommand extends CliCommand {
    @Option(names = "--count", paramLabel = "N", description = "Exit after N messages.")
    int count;

    @Option(names = "--timeout", paramLabel = "S", description = "Exit after S seconds.")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try (CliSession session = connected()) {
            session.client().addListener(new ClientListener() {
                @Override
                public void onEntries(List<EntryRecord> entries) {
                    for (EntryRecord e : entries) {
                        if (e.isMessage()) {
                            events.add(e);
                        }
                    }
                }

                @Override
                public void onSessionEnded(String reason) {
                    events.add(new CliException("session ended: " + reason));
                }
            });
            out().flush();
            return loop(session, events);
        }
    }

    private int loop(CliSession session, BlockingQueue<Object> events) throws Exception {
        EntryFormatter f = new EntryFormatter(ZoneId.systemDefault(), session::account);
        long deadline = timeoutSeconds > 0
                ? System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos()
                : 0;
        int seen = 0;
        while (count <= 0 || seen < count) {
            long wait = deadline == 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (wait <= 0) {
                return 0;
            }
            Object event = events.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            if (event instanceof CliException e) {
                throw e;
            }
            if (event instanceof EntryRecord e) {
                out().println(f.format(e));
                out().flush();
                seen++;
            }
        }
        return 0;
    }
}
