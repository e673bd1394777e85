package im.magpie.desktopbench;

import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.LocalStore;
import im.magpie.testsupport.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bin/magpie-desktop-bench}: starts a server process, prepares real client data directories (a real login,
 * then the local store seeded directly), and measures the real desktop app: launch to a shown conversation list
 * with 10,000 local messages; local search over 1,000,000 messages; RSS with 100,000 people and 1,000,000 messages;
 * FX pulse gaps while 50 messages/s arrive into the open chat, with the CPU of each of the app's threads and a check
 * that the open chat showed every message of the feed. Prints a Markdown report (also to
 * {@code <work>/desktop-bench.md}); exits with status 1 when a check failed.
 */
public final class DesktopBenchMain {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Options o;
    private final StringBuilder report = new StringBuilder();
    private long selfId;
    /** Whether a check failed (the run exits with status 1 after the report). */
    private boolean failed;

    private DesktopBenchMain(Options o) {
        this.o = o;
    }

    /** Command-line options; sizes may be lowered for a quick look. */
    record Options(
            Path work,
            boolean keep,
            int launchMessages,
            int launches,
            long messages,
            int people,
            int conversations,
            int rate,
            int feedSeconds,
            int scrollMessages,
            int scrollPx,
            Set<String> only) {
        /** Whether the scenario {@code name} (launch, search, big, scroll) runs. */
        boolean runs(String name) {
            return only.isEmpty() || only.contains(name);
        }

        static Options parse(String[] args) throws IOException {
            Path work = null;
            boolean keep = false;
            int launchMessages = 10_000;
            int launches = 5;
            long messages = 1_000_000;
            int people = 100_000;
            int rate = 50;
            int feed = 20;
            int scrollMessages = 100_000;
            int scrollPx = 2_000;
            Set<String> only = Set.of();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--work" -> work = Path.of(args[++i]);
                    case "--keep" -> keep = true;
                    case "--launch-messages" -> launchMessages = Integer.parseInt(args[++i]);
                    case "--launches" -> launches = Integer.parseInt(args[++i]);
                    case "--messages" -> messages = Long.parseLong(args[++i]);
                    case "--people" -> people = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--feed-seconds" -> feed = Integer.parseInt(args[++i]);
                    case "--scroll-messages" -> scrollMessages = Integer.parseInt(args[++i]);
                    case "--scroll-px" -> scrollPx = Integer.parseInt(args[++i]);
                    case "--only" -> only = Set.of(args[++i].split(",", -1));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (launchMessages < 1
                    || launches < 1
                    || messages < 1
                    || people < 2
                    || rate < 1
                    || feed < 1
                    || scrollMessages < 1
                    || scrollPx < 1
                    || !SCENARIOS.containsAll(only)) {
                throw new IllegalArgumentException("sizes must be positive\n" + USAGE);
            }
            Path w = work != null ? work : Files.createTempDirectory("magpie-desktop-bench");
            return new Options(
                    w,
                    keep || work != null,
                    launchMessages,
                    launches,
                    messages,
                    people,
                    200,
                    rate,
                    feed,
                    scrollMessages,
                    scrollPx,
                    only);
        }
    }

    static final Set<String> SCENARIOS = Set.of("launch", "search", "big", "scroll");
    static final String USAGE = "usage: bin/magpie-desktop-bench [--work DIR] [--keep] [--launch-messages N]"
            + " [--launches N] [--messages N] [--people N] [--rate MSGS_PER_S] [--feed-seconds S]"
            + " [--scroll-messages N] [--scroll-px PX] [--only launch,search,big,scroll]";

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DesktopBenchMain bench = new DesktopBenchMain(o);
        bench.run();
        if (bench.failed) {
            System.err.println("desktop benchmark: a check FAILED (see the report)");
            System.exit(1);
        }
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        line("# Desktop client benchmark (" + Instant.now() + ")");
        line("");
        line("Machine: " + Machine.describe());
        line("Display: $DISPLAY " + System.getenv("DISPLAY") + " (Xvfb unless given), software renderer; the app"
                + " started by `bin/magpie-desktop`.");
        line("");
        try (ServerProcess server = new ServerProcess(o.work().resolve("server"))) {
            Thread stopServer = new Thread(server::close, "stop-server");
            Runtime.getRuntime().addShutdownHook(stopServer); // also on Ctrl+C
            server.start();
            Accounts.create(server, "bench", "张伟");
            Accounts.create(server, "peer", "李娜");
            try (MagpieClient peer = Accounts.login(server, o.work().resolve("peer"), "peer")) {
                if (o.runs("launch")) {
                    launches(prepare(server, peer, "small", o.launchMessages(), 2_000, 50));
                }
                if (o.runs("scroll")) {
                    Path scroll = prepare(server, peer, "scroll", o.scrollMessages(), 2_000, 1);
                    ScrollScenario.run(scroll, o.work(), o.scrollPx(), this::line);
                }
                if (o.runs("search") || o.runs("big")) {
                    Path big = prepare(server, peer, "big", o.messages(), o.people(), o.conversations());
                    if (o.runs("search")) {
                        search(big);
                    }
                    if (o.runs("big")) {
                        bigApp(big, peer, server);
                    }
                }
            }
        } finally {
            line("");
            line(String.format(Locale.ROOT, "Total run time: %.0f s", (System.nanoTime() - t0) / 1e9));
            Files.writeString(o.work().resolve("desktop-bench.md"), report, StandardCharsets.UTF_8);
            if (!o.keep()) {
                delete(o.work());
            }
        }
    }

    /**
     * A data directory logged in as {@code bench} with a direct chat with the peer holding one message from them
     * (so it is the newest conversation), then {@code messages} more messages in {@code conversations} seeded groups
     * and {@code people} people in the user cache.
     */
    private Path prepare(ServerProcess server, MagpieClient peer, String name, long messages, int people, int convs)
            throws Exception {
        Path dir = o.work().resolve(name);
        try (MagpieClient bench = Accounts.login(server, dir, "bench")) {
            ConversationRecord direct = bench.openDirect("peer").get(Accounts.WAIT_S, TimeUnit.SECONDS);
            peer.sync().get(Accounts.WAIT_S, TimeUnit.SECONDS);
            peer.sendText(direct.id(), "早上好，今天下午三点开会", List.of());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Accounts.WAIT_S);
            while (bench.messages(direct.id(), Long.MAX_VALUE, 10).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the peer's message did not arrive");
                }
                bench.sync().get(Accounts.WAIT_S, TimeUnit.SECONDS);
            }
            selfId = bench.userId();
        }
        long t = System.nanoTime();
        long stored;
        try (LocalStore store = Accounts.store(dir)) {
            Seeder seeder = new Seeder(selfId, System.currentTimeMillis());
            seeder.people(store, people);
            stored = seeder.conversations(store, convs, messages, people);
        }
        line(String.format(
                Locale.ROOT,
                "Seeded `%s`: %,d messages in %d conversations and %,d people in %.1f s.",
                name,
                stored,
                convs,
                people,
                (System.nanoTime() - t) / 1e9));
        return dir;
    }

    private void launches(Path dir) throws Exception {
        long firstMs;
        long firstCpu;
        long firstFx;
        // the first launch after a build records the class-data archive the later ones start from (bin/magpie-desktop)
        try (DesktopProcess app = DesktopProcess.launch(dir, o.work().resolve("desktop-first.log"))) {
            firstMs = app.awaitReady(READY_TIMEOUT);
            firstCpu = app.cpuMs();
            firstFx = app.fxCpuAtReadyMs();
        }
        List<Long> ms = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> fx = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (int i = 0; i < o.launches(); i++) {
            try (DesktopProcess app = DesktopProcess.launch(dir, o.work().resolve("desktop-small.log"))) {
                ms.add(app.awaitReady(READY_TIMEOUT));
                cpu.add(app.cpuMs());
                fx.add(app.fxCpuAtReadyMs());
                loads.add(Machine.load());
            }
        }
        line("");
        line("## Launch to usable main window, " + o.launchMessages() + " local messages");
        line("");
        line("`bin/magpie-desktop` start → first pulse after the conversation list was filled (real app, stored"
                + " session, local data shown; the connection may still be coming up), " + o.launches() + " launches: "
                + ms + " ms; median **" + median(ms) + " ms**, max " + Collections.max(ms) + " ms. CPU time the app's"
                + " JVM had used by then (all threads): " + cpu + " ms; median **" + median(cpu) + " ms**. Of it the FX"
                + " thread: " + fx + " ms; median **" + median(fx) + " ms**. Load at each ready line: " + loads + ".");
        line("");
        line("The first launch after the build (it records the class-data archive at exit, so it starts without"
                + " one): " + firstMs + " ms, " + firstCpu + " ms of CPU (FX thread " + firstFx + " ms).");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void search(Path dir) throws IOException {
        SearchBench.Result r;
        PeopleBench.Result people;
        try (LocalStore store = Accounts.store(dir)) {
            people = PeopleBench.run(store);
            long now = System.currentTimeMillis();
            long conversation = Seeder.FIRST_ID + 3;
            long sender = store.conversations().find(conversation).orElseThrow().members().stream()
                    .mapToLong(m -> m.userId())
                    .filter(id -> id != selfId)
                    .findFirst()
                    .orElse(selfId);
            // warm-up as a user would have it: the app has read the store before
            SearchBench.run(store, conversation, sender, now - 90L * 86_400_000, now);
            r = SearchBench.run(store, conversation, sender, now - 60L * 86_400_000, now);
        }
        line("");
        line("## Local message search over " + String.format(Locale.ROOT, "%,d", o.messages()) + " messages");
        line("");
        line("First pages of 50 through `EntryTable.search(MessageSearch)` (what the history viewer calls), "
                + SearchBench.QUERIES.size() + " queries × " + SearchBench.ROUNDS + " rounds after one warm-up round: "
                + SearchBench.QUERIES + ".");
        line("");
        line("- words only: " + r.words().summary());
        line("- the same words with a conversation, a sender (a member of that conversation) or the last 60 days: "
                + r.filtered().summary());
        line("- " + Machine.load());
        line("");
        line("## People search over " + String.format(Locale.ROOT, "%,d", people.people()) + " people");
        line("");
        line(String.format(
                        Locale.ROOT,
                        "The client library's `PeopleIndex` (built from the store's people directory in %d ms; the"
                                + " records read from the store retain %.1f MB of heap, the index over them %.1f MB),"
                                + " first 50 results, ",
                        people.buildMs(),
                        people.recordsMb(),
                        people.indexMb())
                + PeopleBench.QUERIES.size() + " queries × " + PeopleBench.ROUNDS
                + " rounds after a warm-up: " + PeopleBench.QUERIES + ".");
        line("");
        line("- " + people.search().summary());
    }

    /**
     * The app on the big store: started while the server is down (so the contacts pane shows the 100,000 cached people
     * instead of replacing them with the benchmark server's two users), contacts shown, RSS; then the server comes
     * back, the app reconnects, and the peer sends at the given rate into the open chat.
     */
    private void bigApp(Path dir, MagpieClient peer, ServerProcess server) throws Exception {
        server.stop();
        List<String> probe = List.of("-Dmagpie.probe.contacts=true");
        try (DesktopProcess app = DesktopProcess.launch(dir, o.work().resolve("desktop-big.log"), probe)) {
            long ready = app.awaitReady(READY_TIMEOUT);
            long readyCpu = app.cpuMs();
            String shown = app.await("magpie-contacts", READY_TIMEOUT)[2];
            waitMs(10_000);
            long rssSettled = app.rssKb();
            server.start();
            app.await("magpie-online", Duration.ofSeconds(Accounts.WAIT_S));
            awaitReconnected(peer);
            long direct = peer.conversations().stream()
                    .filter(c -> "DIRECT".equals(c.kind()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            DesktopProcess.ChatShown before = app.awaitChat(c -> true, Duration.ofSeconds(30));
            if (before == null) {
                throw new IOException("the desktop app did not report its open chat");
            }
            long from = System.currentTimeMillis();
            long cpuBefore = app.cpuMs();
            Map<String, Long> threadsBefore = app.threadCpuMs();
            int sent = feed(peer, direct);
            long to = System.currentTimeMillis();
            waitMs(3_000);
            long cpuFeed = app.cpuMs() - cpuBefore;
            Map<String, Long> threadsFeed = delta(threadsBefore, app.threadCpuMs());
            long rssAfter = app.rssKb();
            long peak = app.peakRssKb();
            FxGaps gaps = app.gaps(from, to + 3_000);
            long frames = app.framesBetween(from, to + 3_000);
            line("");
            line("## " + String.format(Locale.ROOT, "%,d people and %,d local messages", o.people(), o.messages()));
            line("");
            line("Launch to usable main window (server down): " + ready + " ms, " + readyCpu + " ms of CPU ("
                    + Machine.load() + "). Then the contacts section showed " + shown + " people.");
            line("");
            line(String.format(
                    Locale.ROOT,
                    "RSS of the desktop JVM: **%.0f MB** 10 s after the contacts were shown, %.0f MB after the feed"
                            + " below; peak (VmHWM) **%.0f MB**.",
                    rssSettled / 1024.0,
                    rssAfter / 1024.0,
                    peak / 1024.0));
            line("");
            line("## FX thread while " + o.rate() + " messages/s arrive into the open chat");
            line("");
            line(String.format(
                    Locale.ROOT,
                    "The peer (a real client) sent %d messages in %.1f s into the open direct chat. Pulses in the"
                            + " window (+3 s): %d. %s",
                    sent,
                    (to - from) / 1000.0,
                    frames,
                    gaps.summary()));
            line(Machine.load() + " at the end of the feed; " + app.windowsBetween(from, to + 3_000) + ".");
            line(String.format(
                    Locale.ROOT,
                    "CPU time of the app's JVM (all threads) from the first message to 3 s after the last: %,d ms,"
                            + " %.1f ms per message.",
                    cpuFeed,
                    cpuFeed / (double) sent));
            line("Of it, by thread (user + system, /proc): " + busiest(threadsFeed) + ".");
            line("");
            shownAfterFeed(app, before, sent, to);
            line("");
            gaps.breakdown().forEach(this::line);
        }
    }

    /**
     * Checks that the open chat shows every message of the feed: its stored rows grew by at least {@code sent} and the
     * newest is the last one sent (its text starts with its number). Rows the chat showed only once the feed began (a
     * first page that came with it) count too, so the growth may be larger; fewer rows, or another newest row, is a
     * FAIL of the whole run.
     */
    private void shownAfterFeed(DesktopProcess app, DesktopProcess.ChatShown before, int sent, long feedEndMs)
            throws InterruptedException {
        String last = Integer.toString(sent);
        DesktopProcess.ChatShown after = app.awaitChat(
                c -> c.rows() - before.rows() >= sent && c.newestWord().equals(last), Duration.ofSeconds(30));
        if (after == null) {
            failed = true;
            line("**FAIL**: the app did not report its open chat after the feed.");
            return;
        }
        long grew = after.rows() - before.rows();
        String detail = String.format(
                Locale.ROOT,
                "%d stored rows before the feed, %d after (reported %.1f s after the last send); newest row seq %d,"
                        + " text \"%s …\"",
                before.rows(),
                after.rows(),
                (after.atMs() - feedEndMs) / 1000.0,
                after.newestSeq(),
                after.newestWord());
        if (grew >= sent && after.newestWord().equals(last)) {
            line("The open chat showed **all " + sent + "** messages of the feed: " + detail + ".");
        } else {
            failed = true;
            line("**FAIL**: the open chat's rows grew by " + grew + " for the " + sent + " messages of the feed, and"
                    + " the newest should be \"" + last + " …\": " + detail + ".");
        }
    }

    /** CPU ms each thread used between two {@link DesktopProcess#threadCpuMs} readings. */
    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((name, ms) -> d.put(name, ms - before.getOrDefault(name, 0L)));
        return d;
    }

    /** The threads that used the most CPU, busiest first ("JavaFX Applicat 1,230 ms, …"). */
    private static String busiest(Map<String, Long> cpuMs) {
        return cpuMs.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "`%s` %,d ms", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Waits until the peer's client is connected again after the server restart (a sync goes through). */
    private static void awaitReconnected(MagpieClient peer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Accounts.WAIT_S);
        while (true) {
            try {
                peer.sync().get(Accounts.WAIT_S, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                waitMs(1_000); // reconnecting with backoff
            }
        }
    }

    /** Sends {@code rate} texts a second for {@code feedSeconds}; returns how many. */
    private int feed(MagpieClient peer, long conversationId) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        int total = o.rate() * o.feedSeconds();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Seeder words = new Seeder(0, 0);
        try {
            var unused = timer.scheduleAtFixedRate(
                    () -> {
                        int i = n.incrementAndGet();
                        if (i <= total) {
                            peer.sendText(conversationId, i + " " + words.sentence(), List.of());
                        }
                    },
                    0,
                    1_000_000 / o.rate(),
                    TimeUnit.MICROSECONDS);
            while (n.get() < total) {
                Thread.sleep(50);
            }
        } finally {
            timer.shutdownNow();
        }
        peer.awaitFlushed(Duration.ofSeconds(Accounts.WAIT_S));
        return total;
    }

    private static void waitMs(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
