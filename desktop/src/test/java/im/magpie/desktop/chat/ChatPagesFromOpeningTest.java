package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Scrolling up through a chat from the moment it opens pages through its whole history, headless (Monocle), driven as
 * the launch probe drives the real app ({@code -Dmagpie.probe.scroll}): in each pulse's animation phase, before that
 * pulse's layout, one touchpad fling on the list's flow, from the first pulse that finds rows in the list; at the
 * list's top no fling, only a wait for the older page. Pages are read on a store thread, as the real port reads them,
 * and their rows go in on the FX thread right before a pulse (what runs after them, they queued behind that pulse):
 * the order in which the real app, its FX thread busy, takes them.
 */
@ExtendWith(ApplicationExtension.class)
class ChatPagesFromOpeningTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 42;
    /** The newest page and seven and a quarter older pages. */
    static final int STORED = ChatViewModel.PAGE + 7 * HistoryPages.OLDER_PAGE + 50;
    /** Older pages until the first message: the last one partly full. */
    static final int OLDER_PAGES = 8;

    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /** Pixels a pulse, as the benchmark's probe scrolls. */
    static final int SCROLL_PX = 2_000;
    /** Wall time without an older page, or without the list moving up, after which the scroll stalled. */
    static final long STALL_MS = 15_000;

    final FakeChatPort port = new FakeChatPort(ME);
    final ExecutorService store = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-store");
        t.setDaemon(true);
        return t;
    });
    /** What the chat hands to the FX thread: run at the start of the next pulse, before its fling and layout. */
    final ConcurrentLinkedQueue<Runnable> beforePulse = new ConcurrentLinkedQueue<>();

    final CompletableFuture<String> outcome = new CompletableFuture<>();
    /** The rows of each older page put in above. */
    final List<Integer> pages = new ArrayList<>();

    @SuppressWarnings("NullAway.Init") // set by start()
    ChatViewModel vm;

    @SuppressWarnings("NullAway.Init") // set by start()
    AnimationTimer pulses;

    @Start
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        List<Message> history = new ArrayList<>();
        for (int seq = 1; seq <= STORED; seq++) {
            String text = "第" + seq + "条消息" + " 我们下午三点开会，讨论季度报表。".repeat(seq % 7 == 0 ? 6 : seq % 3);
            history.add(FakeChatPort.text(
                    CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - 1000L * (STORED - seq), text));
        }
        port.messages.put(CONV, history);
        port.readsOn = store;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, STORED, STORED, 2);
        vm = new ChatViewModel(row, port, words, clock, beforePulse::add, new FakeReceiveSettings());
        vm.items().addListener((ListChangeListener<MessageItem>) c -> {
            while (c.next()) {
                if (c.wasAdded()
                        && !c.wasReplaced()
                        && c.getFrom() == 0
                        && c.getTo() < vm.items().size()) {
                    pages.add(c.getAddedSize());
                }
            }
        });
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        Scene scene = SceneFixture.show(stage, view.root(), 820, 760);
        pulses = new Scroller(scene);
        pulses.start(); // as the probe: its pulses run from the moment the chat opens
        vm.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(pulses::stop);
        store.shutdownNow();
    }

    @Test
    void scrollingUpFromTheMomentTheChatOpensPagesToTheFirstMessage() throws Exception {
        String end = outcome.get(5, TimeUnit.MINUTES);

        assertThat(end).as("older pages in: %s", pages).startsWith("the first message");
        assertThat(pages).as("each older page went in").hasSize(OLDER_PAGES);
        assertThat(vm.items()).hasSize(STORED);
    }

    /**
     * Each pulse: the chat's runnables, then (as {@code LaunchProbe.Scroller} does) a fling up while the list is not
     * at its top, a wait for the older page while it is; done at the first message, stalled when nothing moves.
     */
    private final class Scroller extends AnimationTimer {
        private final Scene scene;
        private int rows;
        private long progressAt = System.currentTimeMillis();
        private int lastTop = -1;
        private double lastY;

        Scroller(Scene scene) {
            this.scene = scene;
        }

        @Override
        public void handle(long now) {
            for (Runnable r = beforePulse.poll(); r != null; r = beforePulse.poll()) {
                r.run();
            }
            long wall = System.currentTimeMillis();
            VirtualFlow<?> flow = flow();
            if (outcome.isDone() || flow == null || vm.items().isEmpty()) {
                progressAt = wall;
                return;
            }
            int size = vm.items().size();
            if (rows > 0 && size > rows) {
                progressAt = wall;
            }
            rows = size;
            IndexedCell<?> first = flow.getFirstVisibleCell();
            int top = first == null ? -1 : first.getIndex();
            double y = first == null ? 0 : first.getLayoutY();
            String where = "row " + top + " of " + size + ", seq "
                    + vm.items().get(Math.max(0, top)).seq();
            if (top == 0 && y >= 0) {
                if (vm.items().get(0).seq() == 1) {
                    outcome.complete("the first message at " + where);
                } else if (wall - progressAt > STALL_MS) {
                    outcome.complete("stalled at the top, no older page asked for or in, at " + where);
                }
                return;
            }
            if (top != lastTop || y != lastY) {
                progressAt = wall;
            } else if (wall - progressAt > STALL_MS) {
                outcome.complete("stalled, the list does not move up, at " + where);
                return;
            }
            lastTop = top;
            lastY = y;
            flow.fireEvent(ScrollEvents.flingUp(flow, SCROLL_PX));
        }

        @SuppressWarnings("unchecked")
        private @Nullable VirtualFlow<?> flow() {
            ListView<MessageItem> list = (ListView<MessageItem>) scene.lookup("#messages");
            return list == null ? null : (VirtualFlow<?>) list.lookup(".virtual-flow");
        }
    }
}
