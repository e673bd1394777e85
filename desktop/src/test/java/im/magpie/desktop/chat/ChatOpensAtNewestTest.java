package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chat opens at its newest message and stays there, headless (Monocle), when its first page comes only after the
 * list was shown and laid out (a slow store, a busy machine) and the rows change their height after their first
 * layout: pictures that decode, text whose font arrives later (CJK fallback). The screenshots of the zh-CN run showed
 * the direct chat at its top and the group short of its newest message.
 */
@ExtendWith(ApplicationExtension.class)
class ChatOpensAtNewestTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 40;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /** The larger text the rows get after their first layout, as when a fallback font replaces the first one. */
    static final String LATER_FONT = "data:text/css;base64,"
            + java.util.Base64.getEncoder()
                    .encodeToString(".bubble-text { -fx-font-size: 21px; }".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path pictures;

    final FakeChatPort port = new FakeChatPort(ME);

    @SuppressWarnings("NullAway.Init") // set by start()
    ChatViewModel vm;

    @SuppressWarnings("NullAway.Init") // set by start()
    Scene scene;

    @Start
    void start(Stage stage) throws IOException {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        port.messages.put(CONV, history());
        port.holdReads = true; // the first page waits until the test lets it go
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, 20, 20, 2);
        vm = new ChatViewModel(row, port, words, clock, Platform::runLater, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        scene = SceneFixture.show(stage, view.root(), 812, 700);
        // the app's zh-CN font (Noto Sans CJK SC here): the English screenshots, in the default font, were right
        im.magpie.desktop.i18n.UiFonts.stylesheet(Locale.SIMPLIFIED_CHINESE).ifPresent(scene.getStylesheets()::add);
        vm.start();
    }

    /** Twenty messages as the screenshot chats have them: texts of one to several lines, two pictures, a reply. */
    private List<Message> history() throws IOException {
        List<Message> out = new ArrayList<>();
        long t = NOW.toEpochMilli() - 3_600_000;
        for (int seq = 1; seq <= 20; seq++) {
            long from = seq % 3 == 0 ? ME : LINA;
            Content content;
            if (seq == 9 || seq == 17) {
                port.images.put((long) seq, picture(seq));
                content = new Content.Image("照片" + seq + ".png", 4_000);
            } else if (seq == 20) {
                content = new Content.Text(
                        "收到，评审材料我今天下班前整理好发到群里👍", List.of(), false, new Quote(19, LINA, "明天上午十点评审会议，别忘了带电脑💻", false));
            } else {
                content = new Content.Text("第" + seq + "条：" + "明天上午十点评审会议，请大家提前看一下设计稿。".repeat(1 + seq % 4));
            }
            out.add(new Message(CONV, seq, seq == 20 ? ME : from, t + seq * 60_000L, content, false, ""));
        }
        return out;
    }

    /** A 240 × 240 picture: its row is taller once it decoded than with the placeholder it shows before. */
    private static Path picture(int seq) throws IOException {
        Path file = pictures.resolve("p" + seq + ".png");
        if (!Files.exists(file)) {
            BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(image, "png", file.toFile());
        }
        return file;
    }

    @Test
    void opensAtTheNewestWhenTheFirstPageComesAfterTheListWasLaidOut(FxRobot robot) throws Exception {
        laidOut();

        robot.interact(port::releaseReads);
        // the rows grow after their first layout: the page's pictures decode, the text gets its later font
        afterPulses(1, () -> scene.getStylesheets().add(LATER_FONT));
        settled();

        assertThat(onFx(this::bottomRow))
                .as("the newest message, down to its bottom edge: %s", onFx(this::where))
                .isEqualTo(20L);
    }

    @Test
    void opensAtTheNewestWhenTheFirstPageIsInBeforeTheListIsLaidOut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            port.releaseReads(); // answered at once: the rows arrive with the first pulse
            scene.getStylesheets().add(LATER_FONT);
        });
        settled();

        assertThat(onFx(this::bottomRow))
                .as("the newest message, down to its bottom edge: %s", onFx(this::where))
                .isEqualTo(20L);
    }

    @Test
    void staysAtTheNewestWhileTheRowsGrowAfterTheChatOpened(FxRobot robot) throws Exception {
        laidOut();
        robot.interact(port::releaseReads);
        settled();
        assertThat(onFx(this::bottomRow)).as(onFx(this::where)).isEqualTo(20L);

        for (int i = 0; i < 3; i++) { // narrower, then the later font, then wider again
            int step = i;
            robot.interact(() -> {
                if (step == 0) {
                    scene.getWindow().setWidth(560);
                } else if (step == 1) {
                    scene.getStylesheets().add(LATER_FONT);
                } else {
                    scene.getWindow().setWidth(812);
                }
            });
            settled();
            assertThat(onFx(this::bottomRow))
                    .as("after change %d: %s", step, onFx(this::where))
                    .isEqualTo(20L);
        }
    }

    @Test
    void aClickOnTheListWhileTheChatOpensDoesNotStopItShort(FxRobot robot) throws Exception {
        laidOut();
        // the mouse is released over the list as the rows come in, before the list laid them out or pinned the newest
        whenTheRowsComeIn(list -> list.fireEvent(mouse(list, javafx.scene.input.MouseEvent.MOUSE_RELEASED)));

        robot.interact(port::releaseReads);
        afterPulses(1, () -> scene.getStylesheets().add(LATER_FONT));
        settled();

        assertThat(onFx(this::bottomRow))
                .as("the newest message, down to its bottom edge: %s", onFx(this::where))
                .isEqualTo(20L);
    }

    @Test
    void aKeyTypedWhileTheChatOpensDoesNotStopItShort(FxRobot robot) throws Exception {
        laidOut();
        whenTheRowsComeIn(list -> list.fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                "a",
                "a",
                javafx.scene.input.KeyCode.A,
                false,
                false,
                false,
                false)));

        robot.interact(port::releaseReads);
        afterPulses(1, () -> scene.getStylesheets().add(LATER_FONT));
        settled();

        assertThat(onFx(this::bottomRow))
                .as("the newest message, down to its bottom edge: %s", onFx(this::where))
                .isEqualTo(20L);
    }

    @Test
    void aPageUpInTheScrollBarIsNotUndoneWhenTheRowsGrow(FxRobot robot) throws Exception {
        laidOut();
        robot.interact(port::releaseReads);
        settled();
        assertThat(onFx(this::bottomRow)).as(onFx(this::where)).isEqualTo(20L);

        // a press in the track above the thumb scrolls a page up at the press; then the mouse is released
        robot.interact(() -> {
            javafx.scene.control.ScrollBar bar = verticalBar();
            bar.fireEvent(mouse(bar, javafx.scene.input.MouseEvent.MOUSE_PRESSED));
            for (int i = 0; i < 12; i++) {
                bar.decrement();
            }
            bar.fireEvent(mouse(bar, javafx.scene.input.MouseEvent.MOUSE_RELEASED));
        });
        settled();
        assertThat(onFx(this::bottomRow)).as(onFx(this::where)).isNotEqualTo(20L);

        robot.interact(() -> scene.getStylesheets().add(LATER_FONT));
        settled();

        assertThat(onFx(this::bottomRow))
                .as("not pulled back down: %s", onFx(this::where))
                .isNotEqualTo(20L);
    }

    /** Runs {@code event} on the message list once, right as the first rows go into it (the list not laid out yet). */
    private void whenTheRowsComeIn(java.util.function.Consumer<ListView<MessageItem>> event) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.items()
                        .addListener(new javafx.collections.ListChangeListener<MessageItem>() {
                            @Override
                            public void onChanged(Change<? extends MessageItem> change) {
                                vm.items().removeListener(this);
                                event.accept(messageList());
                            }
                        }))
                .get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private ListView<MessageItem> messageList() {
        return (ListView<MessageItem>) Objects.requireNonNull(scene.lookup("#messages"));
    }

    private javafx.scene.control.ScrollBar verticalBar() {
        for (javafx.scene.Node n : messageList().lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar
                    && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return bar;
            }
        }
        throw new AssertionError("the list has no vertical scroll bar");
    }

    /** A primary-button mouse event of {@code type} in the middle of {@code node}. */
    private static javafx.scene.input.MouseEvent mouse(
            javafx.scene.Node node, javafx.event.EventType<javafx.scene.input.MouseEvent> type) {
        javafx.geometry.Bounds b = node.getLayoutBounds();
        javafx.geometry.Point2D at = node.localToScene(b.getCenterX(), b.getCenterY());
        return new javafx.scene.input.MouseEvent(
                type,
                at.getX(),
                at.getY(),
                at.getX(),
                at.getY(),
                javafx.scene.input.MouseButton.PRIMARY,
                1,
                false,
                false,
                false,
                false,
                type == javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                false,
                false,
                true,
                false,
                false,
                null);
    }

    /** Waits until the empty list was laid out (its skin and flow are there) and a few pulses went by. */
    private void laidOut() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flowOrNull() != null);
        CountDown pulses = new CountDown(3);
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(pulses);
            Platform.requestNextPulse();
        });
        pulses.await();
    }

    /** Runs {@code change} on the FX thread right after {@code n} more layout pulses. */
    private void afterPulses(int n, Runnable change) throws Exception {
        CountDown pulses = new CountDown(n);
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(pulses);
            Platform.requestNextPulse();
        });
        pulses.await();
        WaitForAsyncUtils.asyncFx(change).get(10, TimeUnit.SECONDS);
    }

    /** Counts layout pulses down, then lets the waiting test go on. */
    private final class CountDown implements Runnable {
        private final java.util.concurrent.CountDownLatch left;

        CountDown(int pulses) {
            left = new java.util.concurrent.CountDownLatch(pulses);
        }

        @Override
        public void run() {
            left.countDown();
            if (left.getCount() == 0) {
                scene.removePostLayoutPulseListener(this);
            } else {
                Platform.requestNextPulse();
            }
        }

        void await() throws InterruptedException {
            assertThat(left.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * The rows are in, their pictures decoded, and the list had time to lay them out; then it stands still (pinning
     * the newest row does not move the list back and forth).
     */
    private void settled() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.items().size() == 20);
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> seen = new ArrayList<>();
        Runnable watch = () -> {
            String now = where();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
                    scene.addPostLayoutPulseListener(watch);
                    Platform.requestNextPulse();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> scene.removePostLayoutPulseListener(watch))
                .get(10, TimeUnit.SECONDS);
        assertThat(seen).as("the list stands still").hasSizeLessThanOrEqualTo(1);
    }

    private @org.jspecify.annotations.Nullable VirtualFlow<?> flowOrNull() {
        return robotFlow();
    }

    @SuppressWarnings("unchecked")
    private @org.jspecify.annotations.Nullable VirtualFlow<?> robotFlow() {
        ListView<MessageItem> list = (ListView<MessageItem>) scene.lookup("#messages");
        return list == null ? null : (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /**
     * The seq of the row shown last when its bottom edge is at the bottom of the list (within a pixel), else -1 (no
     * row there, or the last row shown is cut off or floats above the bottom).
     */
    private long bottomRow() {
        VirtualFlow<?> flow = Objects.requireNonNull(robotFlow());
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return -1;
        }
        double bottom = last.getLayoutY() + last.getHeight();
        if (Math.abs(bottom - flow.getHeight()) > 1) {
            return -1;
        }
        return vm.items().get(last.getIndex()).seq();
    }

    /** What the list shows at its ends, for a failure's message. */
    private String where() {
        VirtualFlow<?> flow = Objects.requireNonNull(robotFlow());
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return "no rows shown";
        }
        return "rows " + first.getIndex() + " (top at " + first.getLayoutY() + ") to " + last.getIndex() + " of "
                + vm.items().size() + ", the last from " + last.getLayoutY() + " to "
                + (last.getLayoutY() + last.getHeight()) + " in a list " + flow.getHeight() + " high, position "
                + flow.getPosition();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {}).get(30, TimeUnit.SECONDS);
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
