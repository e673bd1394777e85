package im.magpie.desktop;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.MessageItem;
import im.magpie.desktop.chat.ScrollEvents;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Measurement hooks for the client benchmark ({@code bin/magpie-desktop-bench}), on only with
 * {@code -Dmagpie.probe=true}. Prints to standard output:
 *
 * <ul>
 *   <li>{@code magpie-ready <epoch ms> <JVM uptime ms> <FX thread CPU ms>} after the first pulse that laid out a
 *       non-empty conversation list (launch to usable main window), with the CPU time the FX thread had used by then;
 *   <li>with {@code -Dmagpie.probe.contacts=true}, first shows the contacts section and prints
 *       {@code magpie-contacts <epoch ms> <people>} once its list is filled, then goes back to the chats;
 *   <li>{@code magpie-online <epoch ms> <true|false>} when the connection comes or goes;
 *   <li>then opens the newest conversation (or the one named by {@code -Dmagpie.probe.open=<id>}) and prints
 *       {@code magpie-gap <epoch ms> <gap ms> <fx cpu ms> <fx wait ms> <render cpu ms> <render wait ms> <gc ms>
 *       <young collections> <full collections> <process cpu ms>} for every gap between two FX pulses over 20 ms of
 *       wall time or of the FX thread's own CPU time (the figures after the gap are {@link PulseCosts}: "wait" is
 *       the time a thread was runnable but had no core), and {@code magpie-frames <epoch ms> <pulses> <main window focused> <other windows shown>} once a second
 *       (an {@link AnimationTimer} keeps pulses coming), and then, when it changed, {@code magpie-chat <epoch ms>
 *       <stored rows> <newest seq> <newest text's first word>}: what the open chat's list shows (rows of stored
 *       messages, the newest of them; {@code -} for a newest row that is not a text), so that the benchmark can check
 *       that the messages it sent were all shown; The CPU time the FX thread used between two pulses is the
 *       part of a gap that is the app's own work (events, runnables, CSS, layout); the rest is waiting: for a core,
 *       for the render thread, in a collection;
 *   <li>with {@code -Dmagpie.probe.scroll=<px>}, scrolls the open chat from the bottom to its first message by that
 *       many pixels a pulse, one scroll event over the list a pulse as a touchpad fling sends it (so the list handles
 *       it as a user's scrolling, loading older pages from the local store), printing
 *       {@code magpie-page <epoch ms> <ms> <rows>} when a page arrived ({@code ms} since the list reached its top, 0
 *       when it came before)
 *       and {@code magpie-scrolled <epoch ms> <rows>} at the first message ({@code <rows> gave-up} when no older page
 *       came {@link #GIVE_UP_MS} after the top was reached, or the list did not move up for as long).
 * </ul>
 */
final class LaunchProbe {
    static final String PROPERTY = "magpie.probe";
    static final long REPORTED_GAP_MS = 20;
    /**
     * The scroll gives up when no older page arrived this long after the list reached its top, or when the list did not
     * move up for as long while not at its top.
     */
    static final long GIVE_UP_MS = 60_000;

    private final Scene scene;
    private final MainViewModel vm;
    private final PrintStream out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long open = Long.getLong(PROPERTY + ".open", 0);
    private final int scrollPx = Integer.getInteger(PROPERTY + ".scroll", 0);
    private final boolean contacts = Boolean.getBoolean(PROPERTY + ".contacts");
    private boolean ready;
    private boolean contactsDone;
    private String lastChat = "";

    private LaunchProbe(Scene scene, MainViewModel vm, PrintStream out) {
        this.scene = scene;
        this.vm = vm;
        this.out = out;
    }

    /** Attaches the probe to the main window when the property is set. */
    static void attachIfEnabled(Scene scene, MainViewModel vm) {
        if (Boolean.getBoolean(PROPERTY)) {
            new LaunchProbe(scene, vm, System.out).attach();
        }
    }

    private void attach() {
        vm.onlineProperty().addListener((o, was, now) -> {
            out.println("magpie-online " + System.currentTimeMillis() + " " + now);
            out.flush();
        });
        vm.rows().addListener((ListChangeListener<ConversationRow>) c -> onRows());
        onRows();
    }

    private void onRows() {
        if (ready || vm.rows().isEmpty()) {
            return;
        }
        ready = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                out.println("magpie-ready " + System.currentTimeMillis() + " "
                        + ManagementFactory.getRuntimeMXBean().getUptime() + " "
                        + threads.getCurrentThreadCpuTime() / 1_000_000);
                out.flush();
                if (contacts) {
                    fire("#rail-contacts");
                } else {
                    openChat();
                }
                pulses().start();
            }
        });
    }

    private void openChat() {
        vm.selectedIdProperty().set(open != 0 ? open : vm.rows().get(0).id());
    }

    private void fire(String selector) {
        if (scene.lookup(selector) instanceof ButtonBase b) {
            b.fire();
        }
    }

    /** Once the contacts list shows people: reports how many, then back to the chats. */
    private void contactsShown(long wall) {
        if (contactsDone
                || !(scene.lookup("#contacts") instanceof ListView<?> list)
                || list.getItems().isEmpty()) {
            return;
        }
        contactsDone = true;
        out.println("magpie-contacts " + wall + " " + list.getItems().size());
        out.flush();
        fire("#rail-conversations");
        openChat();
    }

    private AnimationTimer pulses() {
        return new AnimationTimer() {
            private long last;
            private final PulseCosts costs = new PulseCosts(); // made on the FX thread: it samples this thread
            private PulseCosts.Sample lastCosts = costs.sample();
            private long second = System.currentTimeMillis();
            private int frames;
            private final Scroller scroller = new Scroller();

            @Override
            public void handle(long now) {
                long wall = System.currentTimeMillis();
                PulseCosts.Sample sample = costs.sample();
                if (last != 0) {
                    long gapMs = (now - last) / 1_000_000;
                    long cpuMs = (sample.fxCpu() - lastCosts.fxCpu()) / 1_000_000;
                    if (gapMs > REPORTED_GAP_MS || cpuMs > REPORTED_GAP_MS) {
                        out.println("magpie-gap " + wall + " " + gapMs + " " + sample.since(lastCosts));
                    }
                }
                last = now;
                // from here: the scroll event the probe fires below is handled within the next gap, as a user's is
                lastCosts = sample;
                frames++;
                if (wall - second >= 1000) {
                    out.println("magpie-frames " + wall + " " + frames + " " + windows());
                    reportChat(wall);
                    out.flush();
                    frames = 0;
                    second = wall;
                }
                if (scrollPx > 0) {
                    scroller.step(wall);
                }
                if (contacts) {
                    contactsShown(wall);
                }
            }
        };
    }

    /** Prints what the open chat's list shows ({@code magpie-chat}) when it changed since the last report. */
    private void reportChat(long wall) {
        if (!(scene.lookup("#messages") instanceof ListView<?> list)) {
            return;
        }
        int stored = 0;
        MessageItem newest = null;
        for (Object item : list.getItems()) {
            if (item instanceof MessageItem m && m.seq() > 0) {
                stored++;
                newest = m;
            }
        }
        String shown = newest == null
                ? "0 0 -"
                : stored + " " + newest.seq() + " "
                        + (newest.content() instanceof Content.Text t ? firstWord(t.text()) : "-");
        if (!shown.equals(lastChat)) {
            lastChat = shown;
            out.println("magpie-chat " + wall + " " + shown);
        }
    }

    private static String firstWord(String text) {
        String word = text.strip().split("\\s", 2)[0];
        return word.isEmpty() ? "-" : word;
    }

    /**
     * {@code <main window focused> <other windows shown>}: an unfocused main window shows a pop-up for each message of
     * the open chat (drawn in a window of its own), a focused one none.
     */
    private String windows() {
        long others = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != scene.getWindow())
                .count();
        return scene.getWindow().isFocused() + " " + others;
    }

    /** Scrolls the chat's message list up, a fixed distance a pulse, until its first message shows. */
    private final class Scroller {
        private int rows = -1;
        private long topSince;
        /** Since when the list has not moved up while not at its top (0: it moves). */
        private long stuckSince;

        private int lastTop = -1;
        private double lastY;
        private boolean done;

        void step(long wall) {
            if (done || !(scene.lookup("#messages") instanceof ListView<?> list)) {
                return;
            }
            Node node = list.lookup(".virtual-flow");
            if (!(node instanceof VirtualFlow<?> flow) || list.getItems().isEmpty()) {
                return;
            }
            int now = list.getItems().size();
            if (rows >= 0 && now > rows) { // an older page: 0 ms when it came before the top was reached
                out.println("magpie-page " + wall + " " + (topSince == 0 ? 0 : wall - topSince) + " " + now);
                topSince = 0;
            }
            rows = now;
            boolean atTop = flow.getFirstVisibleCell() != null
                    && flow.getFirstVisibleCell().getIndex() == 0
                    && flow.getFirstVisibleCell().getLayoutY() >= 0;
            if (!atTop) {
                IndexedCell<?> first = flow.getFirstVisibleCell();
                int top = first == null ? -1 : first.getIndex();
                double y = first == null ? 0 : first.getLayoutY();
                if (top != lastTop || y != lastY || now != rows) {
                    stuckSince = 0;
                } else if (stuckSince == 0) {
                    stuckSince = wall;
                } else if (wall - stuckSince > GIVE_UP_MS) {
                    // the list does not move and is not at its top: say where it stands instead of waiting forever
                    done = true;
                    System.err.println("probe: the list does not scroll up from row " + top + " of " + now);
                    out.println("magpie-scrolled " + wall + " " + now + " gave-up");
                    out.flush();
                    return;
                }
                lastTop = top;
                lastY = y;
                flow.fireEvent(ScrollEvents.flingUp(flow, scrollPx));
                return;
            }
            if (topSince == 0) {
                topSince = wall;
            }
            boolean first = list.getItems().get(0) instanceof MessageItem m && m.seq() == 1;
            if (first || wall - topSince > GIVE_UP_MS) {
                done = true;
                out.println("magpie-scrolled " + wall + " " + now + (first ? "" : " gave-up"));
                out.flush();
            }
        }
    }
}
