package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chat of one conversation headless (Monocle): emoji picker and emoji drawn as images. */
@ExtendWith(ApplicationExtension.class)
class ChatViewTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 7;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /** Seconds a wait for the FX thread and an image decode may take on a loaded machine. */
    static final long WAIT_S = 30;

    final FakeChatPort port = new FakeChatPort(ME);
    final FakeReceiveSettings receive = new FakeReceiveSettings();
    final EmojiRecents recents = new EmojiRecents();

    @TempDir
    Path tmp;

    /** A 640 x 400 PNG: a blue sky over green grass. */
    Path picture() throws java.io.IOException {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0x7f, 0xb8, 0xef));
        g.fillRect(0, 0, 640, 260);
        g.setColor(new java.awt.Color(0x4c, 0xa3, 0x4f));
        g.fillRect(0, 260, 640, 140);
        g.dispose();
        Path file = tmp.resolve("草地.png");
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Start
    void start(Stage stage) throws Exception {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        long t = NOW.toEpochMilli();
        List<Message> history = new ArrayList<>();
        history.add(FakeChatPort.text(CONV, 1, LINA, t - 5000, "周五的评审准备好了吗？😀"));
        history.add(FakeChatPort.text(CONV, 2, ME, t - 4000, "👍👍"));
        history.add(new Message(CONV, 3, LINA, t - 3000, new Content.Image("草地.png", 12_000), false, ""));
        port.images.put(3L, picture());
        history.add(new Message(CONV, 4, LINA, t - 2000, new Content.File("季度报告.pdf", 2_097_152), false, ""));
        port.messages.put(CONV, history);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 12, 2, 4, 2);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, receive);
        ChatView view = new ChatView(vm, new Region(), url -> {}, recents);
        SceneFixture.show(stage, view.root(), 820, 760);
        vm.start();
    }

    @Test
    void drawsEmojiInBubblesAsImagesAndFewEmojiLarge() {
        WaitForAsyncUtils.waitForFxEvents();
        List<TextFlow> bubbles = bubbles();
        assertThat(bubbles).hasSize(2);
        TextFlow question = bubbles.get(0);
        assertThat(question.getChildren()).hasSize(2);
        assertThat(question.getChildren().get(1)).isInstanceOf(ImageView.class);
        assertThat(((ImageView) question.getChildren().get(1)).getImage().isError())
                .isFalse();
        TextFlow thumbs = bubbles.get(1);
        assertThat(thumbs.getStyleClass()).contains("emoji-only");
        assertThat(thumbs.getChildren()).allMatch(n -> n instanceof ImageView v && v.getFitWidth() == 40);
    }

    @Test
    void thePickerInsertsTheEmojiAtTheCaretAndRemembersIt(FxRobot robot) throws Exception {
        robot.clickOn("#input").write("好的");
        robot.clickOn("#emoji");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emoji-picker").tryQuery()).isPresent();
        MainViewFixture.snapshotOf(robot, robot.lookup("#emoji-picker").query(), "emoji-picker");
        robot.clickOn("#emoji-tab-gestures");
        Node thumb = robot.lookup(".emoji-button")
                .match(n -> "👍".equals(n.getUserData()))
                .query();
        robot.clickOn(thumb);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#emoji-picker").tryQuery()).isEmpty();
        assertThat(robot.lookup("#input").queryAs(TextArea.class).getText()).isEqualTo("好的👍");
        assertThat(recents.list()).containsExactly("👍");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.sentTexts).containsExactly("好的👍");
        TextFlow sent = bubbles().get(2);
        assertThat(sent.getChildren().get(1)).isInstanceOf(ImageView.class);

        robot.clickOn("#emoji");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emoji-tab-recent").tryQuery()).isPresent();
        assertThat(robot.lookup(".emoji-button").queryAllAs(Button.class)).hasSize(1);
    }

    @Test
    void showsAReceivedPictureInlineAndOpensItInTheViewer(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.imagesAsked).containsExactly(3L);
        assertThat(robot.lookup(".image-bubble").tryQuery()).isPresent();
        // the thumbnail the list shows now, looked up again each time: a row drawn again has a new image view, and
        // the decode (a background thread) and the row's next layout take their time on a loaded machine
        waitOnFx("the thumbnail decoded and laid out at its size", () -> {
            ImageView shown = shownThumbnail(robot);
            return shown != null
                    && shown.getImage().getProgress() >= 1
                    && !shown.getImage().isError()
                    && shown.getFitWidth() == ImageBubbles.MAX
                    && shown.getFitHeight() == 150;
        });
        MainViewFixture.snapshot(robot, "chat-picture");

        // a click delivered at the bubble shown at that moment (a robot's click is placed before it is made)
        SceneFixture.click(robot, ".image-bubble");
        waitOnFx(
                "the viewer window open",
                () -> robot.lookup("#viewer-image").tryQuery().isPresent());
        ImageView full = robot.lookup("#viewer-image").queryAs(ImageView.class);
        waitOnFx("the picture decoded in the viewer", () -> full.getImage().getProgress() >= 1);
        robot.clickOn("#viewer-actual");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#viewer-zoom")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .isEqualTo("100%");
        robot.clickOn("#viewer-zoom-in");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#viewer-zoom")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .isEqualTo("125%");
        assertThat(full.getFitWidth()).isEqualTo(800);
        robot.interact(() -> ((Stage) full.getScene().getWindow()).close());
    }

    /** The thumbnail of a row the list shows (a cell in view, not one kept aside for reuse); null when none. */
    private static @org.jspecify.annotations.Nullable ImageView shownThumbnail(FxRobot robot) {
        for (ImageView v : robot.lookup(".image-thumbnail").queryAllAs(ImageView.class)) {
            boolean shown = v.getScene() != null && v.getImage() != null;
            for (Node n = v; shown && n != null; n = n.getParent()) {
                shown = n.isVisible();
            }
            if (shown) {
                return v;
            }
        }
        return null;
    }

    /**
     * Waits until {@code condition}, read on the FX thread, holds; up to {@link #WAIT_S} seconds (a decode on a machine
     * at load 40). The failure names what was waited for.
     */
    private static void waitOnFx(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    WAIT_S,
                    java.util.concurrent.TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(WAIT_S, java.util.concurrent.TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + WAIT_S + " s for " + what, e);
        }
    }

    @Test
    void aPastedPictureWaitsInTheComposerAndGoesOutWithEnter(FxRobot robot) throws Exception {
        javafx.scene.image.Image image =
                new javafx.scene.image.Image(picture().toUri().toString());
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putImage(image);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#input");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#attachment").query().isVisible()).isTrue();
        assertThat(robot.lookup("#input").queryAs(TextArea.class).getText()).isEmpty();
        MainViewFixture.snapshot(robot, "chat-pasted-picture");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.sentPaths).singleElement().satisfies(p -> {
            assertThat(p.getFileName().toString()).startsWith("image-").endsWith(".png");
            assertThat(javax.imageio.ImageIO.read(p.toFile()).getWidth()).isEqualTo(640);
        });
        assertThat(robot.lookup("#attachment").query().isVisible()).isFalse();
    }

    @Test
    void aDownloadShowsProgressCanBeCancelledAndThenOffersOpen(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<Path> pending = new java.util.concurrent.CompletableFuture<>();
        port.nextDownload = pending;
        robot.clickOn(".file-download");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.receivedInto).containsExactly(receive.folder);
        robot.interact(() -> port.lastProgress.progress(1_048_576, 2_097_152));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ProgressBar bar =
                robot.lookup(".transfer-progress").queryAs(javafx.scene.control.ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(0.5);
        assertThat(bar.getHeight())
                .as("the row was measured again with its bar")
                .isPositive();
        assertThat(robot.lookup(MainViewFixture.labelled("1.0 MB / 2.0 MB")).tryQuery())
                .isPresent();
        MainViewFixture.snapshot(robot, "chat-file-progress");

        robot.clickOn(".transfer-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pending.isCancelled()).isTrue();
        assertThat(robot.lookup(".transfer-progress").tryQuery()).isEmpty();

        port.nextDownload = null;
        robot.clickOn(".file-download");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".file-open").tryQuery()).isPresent();
        assertThat(robot.lookup(".file-download").tryQuery()).isEmpty();
    }

    @Test
    void marksTheFirstUnreadWithTheDividerAndStopsOfferingTheJumpOnceItIsShown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node divider = robot.lookup("#new-messages").query();
        assertThat(divider.isVisible()).isTrue();
        // the divider sits above the picture Lina sent after the read mark (seq 3)
        assertThat(robot.lookup(".image-bubble").query().localToScene(0, 0).getY())
                .isGreaterThan(divider.localToScene(0, 0).getY());
        assertThat(robot.lookup("#jump-unread").query().isVisible()).isFalse();
    }

    private List<TextFlow> bubbles() {
        return new FxRobot()
                .lookup(".bubble").match(n -> n instanceof TextFlow).queryAllAs(TextFlow.class).stream()
                        .sorted(java.util.Comparator.comparingDouble(
                                n -> n.localToScene(n.getBoundsInLocal()).getMinY()))
                        .toList();
    }
}
