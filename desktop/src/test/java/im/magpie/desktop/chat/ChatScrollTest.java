package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chat's message list over a long history, headless (Monocle): pages read on a store thread as the real port does,
 * the list scrolled as a user's wheel scrolls it.
 */
@ExtendWith(ApplicationExtension.class)
class ChatScrollTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 12;
    static final int STORED = 3_000;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /** Pixels a pulse, as the benchmark's probe scrolls. */
    static final int SCROLL_PX = 2_000;
    /** Scrolling up, the top row may come back down by this many rows (a page going in keeps its place roughly). */
    static final int THROWN_BACK_ROWS = 150;
    /** Pulses the list may stand still (not at its top, or at its top with no page on its way) before it stalled. */
    static final int STALL_PULSES = 120;

    final FakeChatPort port = new FakeChatPort(ME);
    final ExecutorService store = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-store");
        t.setDaemon(true);
        return t;
    });
    final List<Message> history = new ArrayList<>();

    @SuppressWarnings("NullAway.Init") // set by start()
    ChatViewModel vm;

    @Start
    void start(Stage stage) {
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        for (int seq = 1; seq <= STORED; seq++) {
            history.add(message(seq));
        }
        port.messages.put(CONV, history);
        port.readsOn = store;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, STORED, STORED, 2);
        vm = new ChatViewModel(row, port, words, clock, Platform::runLater, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view.root(), 820, 760);
        scene.getStylesheets()
                .add(Objects.requireNonNull(ChatView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @AfterEach
    void stop() {
        store.shutdownNow();
    }

    /** Rows of one to several lines: a list of rows of different heights, as chats are. */
    private Message message(int seq) {
        String text = "第" + seq + "条消息" + " 我们下午三点开会，讨论季度报表。".repeat(seq % 7 == 0 ? 6 : seq % 3);
        return FakeChatPort.text(
                CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - 1000L * (STORED - seq), text);
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> list(FxRobot robot) {
        return robot.lookup("#messages").queryAs(ListView.class);
    }

    private static VirtualFlow<?> flow(ListView<MessageItem> list) {
        return (VirtualFlow<?>) Objects.requireNonNull(list.lookup(".virtual-flow"));
    }

    private static boolean atTop(VirtualFlow<?> flow) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        return first != null && first.getIndex() == 0 && first.getLayoutY() >= 0;
    }

    @Test
    void scrollingUpFastReachesTheFirstMessageWithoutBeingThrownBackToTheNewest(FxRobot robot) throws Exception {
        opened();
        ListView<MessageItem> messages = list(robot);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        List<String> throwsBack = new ArrayList<>();
        Scene scene = messages.getScene();
        // after each layout, what the user sees: the rows the list just laid out; then the next fling
        Runnable step = new Runnable() {
            private int still;
            private long lastSeq = -1;
            private double lastY;

            @Override
            public void run() {
                VirtualFlow<?> flow = flow(messages);
                IndexedCell<?> first = flow.getFirstVisibleCell();
                long seq = firstShownSeq(messages);
                double y = first == null ? 0 : first.getLayoutY();
                if (lastSeq >= 0 && seq > lastSeq + THROWN_BACK_ROWS) {
                    throwsBack.add("from " + lastSeq + " to " + seq);
                }
                String where = "row " + (first == null ? -1 : first.getIndex()) + " of "
                        + vm.items().size() + ", top seq " + seq;
                if (atTop(flow) && seq == 1) {
                    scene.removePostLayoutPulseListener(this);
                    outcome.complete("the first message at " + where);
                    return;
                } else if (atTop(flow)) {
                    still = vm.loadingOlderProperty().get() ? 0 : still + 1;
                } else {
                    still = seq == lastSeq && y == lastY ? still + 1 : 0;
                    flow.fireEvent(ScrollEvents.flingUp(flow, SCROLL_PX));
                }
                lastSeq = seq;
                lastY = y;
                if (still > STALL_PULSES) {
                    scene.removePostLayoutPulseListener(this);
                    outcome.complete("stalled at " + where);
                }
            }
        };
        // pulses keep coming while the list waits at its top for a page
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {}
        };
        robot.interact(() -> {
            scene.addPostLayoutPulseListener(step);
            pulses.start();
        });

        String end = outcome.get(10, TimeUnit.MINUTES);
        robot.interact(pulses::stop);
        assertThat(end).startsWith("the first message");
        assertThat(throwsBack)
                .as("the list jumped down towards the newest message")
                .isEmpty();
        assertThat(vm.items()).hasSize(STORED);
    }

    @Test
    void aMessageArrivingWhileTheUserReadsHistoryIsOfferedNotScrolledTo(FxRobot robot) throws Exception {
        opened();
        ListView<MessageItem> messages = list(robot);
        robot.interact(() -> flow(messages).fireEvent(ScrollEvents.flingUp(flow(messages), 900)));
        WaitForAsyncUtils.waitForFxEvents();
        long readingSeq = onFx(() -> {
            messages.layout();
            return firstShownSeq(messages);
        });
        Node offer = robot.lookup("#new-below").query();
        assertThat(offer.isVisible()).isFalse();

        arrives(robot, STORED + 1);

        assertThat(onFx(() -> {
                    messages.layout();
                    return firstShownSeq(messages);
                }))
                .as("the list stays where the user reads")
                .isCloseTo(readingSeq, org.assertj.core.data.Offset.offset(2L));
        assertThat(offer.isVisible()).isTrue();
        assertThat(robot.lookup("#new-below").queryButton().getText()).isEqualTo("有新消息");

        robot.clickOn(offer);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lastShownSeq(messages))).isEqualTo(STORED + 1L);
        assertThat(offer.isVisible()).isFalse();

        arrives(robot, STORED + 2);
        assertThat(onFx(() -> lastShownSeq(messages)))
                .as("at the bottom, the list follows the newest")
                .isEqualTo(STORED + 2L);
        assertThat(offer.isVisible()).isFalse();
    }

    @Test
    void theNewestStaysInViewWhileTheRowsGrowUnderIt(FxRobot robot) throws Exception {
        opened();
        ListView<MessageItem> messages = list(robot);
        assertThat(onFx(() -> lastShownSeq(messages))).isEqualTo((long) STORED);

        // narrower: every row wraps into more lines, as when pictures decode after the chat opened
        robot.interact(() -> messages.getScene().getWindow().setWidth(460));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> lastShownSeq(messages)))
                .as("the list follows its newest message")
                .isEqualTo((long) STORED);

        robot.interact(() -> flow(messages).fireEvent(ScrollEvents.flingUp(flow(messages), 900)));
        WaitForAsyncUtils.waitForFxEvents();
        long reading = onFx(() -> {
            messages.layout();
            return firstShownSeq(messages);
        });
        robot.interact(() -> messages.getScene().getWindow().setWidth(820));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lastShownSeq(messages)))
                .as("scrolled up, the list is not pulled back to the newest")
                .isLessThan((long) STORED);
        assertThat(reading).isLessThan((long) STORED);
    }

    /** Waits until the chat shows its newest page and the older page it asked for at once is in. */
    private void opened() throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> vm.items().size() >= ChatViewModel.PAGE
                        && !vm.loadingOlderProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A message from 李娜 is stored and the chat hears of it. */
    private void arrives(FxRobot robot, int seq) throws java.util.concurrent.TimeoutException {
        robot.interact(() -> {
            history.add(FakeChatPort.text(CONV, seq, LINA, NOW.toEpochMilli(), "新的消息 " + seq));
            port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        });
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> vm.items().get(vm.items().size() - 1).seq() == seq);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {}).get(30, TimeUnit.SECONDS);
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** The seq of the top row, once the list is laid out. */
    private static long firstShownSeq(ListView<MessageItem> list) {
        IndexedCell<?> first = flow(list).getFirstVisibleCell();
        return first == null ? -1 : list.getItems().get(first.getIndex()).seq();
    }

    /** The seq of the bottom row, once the list is laid out. */
    private static long lastShownSeq(ListView<MessageItem> list) {
        list.layout();
        IndexedCell<?> last = flow(list).getLastVisibleCell();
        return last == null ? -1 : list.getItems().get(last.getIndex()).seq();
    }
}
