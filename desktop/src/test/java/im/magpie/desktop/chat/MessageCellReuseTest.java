package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.i18n.Texts;
import im.magpie.desktop.image.Thumbnails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chat row's cell keeps its nodes from message to message (headless, Monocle): each message it is given shows all of
 * itself and nothing of the one before, whatever the kinds in between; the list's hidden measuring cell answers a row
 * it measured before without building it, and builds it again once the row changed or the width did.
 */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("NullAway.Init") // made in start(), on the FX thread
class MessageCellReuseTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 9;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    static final double WIDTH = 600;
    static final String LINK = "https://example.com/review";

    final FakeChatPort port = new FakeChatPort(ME);
    ChatViewModel vm;
    ListView<MessageItem> list;
    MessageCell cell;
    MessageCell measuring;
    RowHeights heights;

    @Start
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        long t = NOW.toEpochMilli() - 60_000;
        List<Message> history = new ArrayList<>();
        history.add(new Message(CONV, 1, LINA, t, new Content.File("季度报告.pdf", 2_097_152), false, ""));
        history.add(FakeChatPort.text(CONV, 2, ME, t + 1000, "评审材料 😀 见 " + LINK));
        history.add(new Message(CONV, 3, LINA, t + 2000, new Content.Notice("renamed", "周会"), false, ""));
        history.add(new Message(
                CONV,
                4,
                LINA,
                t + 3000,
                new Content.Text("收到，我看看", List.of(), false, new Quote(2, ME, "评审材料", false)),
                false,
                ""));
        history.add(new Message(CONV, 5, LINA, t + 4000, new Content.Text("@张伟 周五前给我", List.of(ME)), false, "", true));
        history.add(FakeChatPort.text(CONV, 6, LINA, t + 5000, "好的"));
        port.messages.put(CONV, history);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "评审组", "评审", "", "", 0, 0, 6, 6, 2);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        list = new ListView<>(vm.items());
        heights = RowHeights.of(vm);
        cell = cell(heights);
        measuring = cell(heights);
        Group hidden = new Group(measuring); // as the list's flow holds its measuring cell
        hidden.setVisible(false);
        StackPane root = new StackPane(cell, hidden);
        SceneFixture.show(stage, root, WIDTH, 500);
        vm.start();
    }

    private MessageCell cell(RowHeights heights) {
        MessageCell c = new MessageCell(
                vm,
                url -> {},
                new SimpleDoubleProperty(WIDTH),
                new EmojiText(EmojiCatalog.bundled(), new EmojiImages()),
                new ImageBubbles(new Thumbnails(), m -> {}),
                ChatHooks.NONE.hover(),
                new MessageMenu(vm, m -> {}),
                heights);
        c.updateListView(list);
        return c;
    }

    @Test
    void aReusedRowShowsEachMessageAndNothingOfTheOneBefore(FxRobot robot) {
        assertThat(vm.items()).hasSize(6);

        show(robot, 0); // a file from Lina
        assertThat(shown()).contains("季度报告.pdf", "2.0 MB").noneMatch(s -> s.contains("评审材料"));

        show(robot, 1); // my text with an emoji and a link
        String mine = String.join("", bubbleTexts());
        assertThat(mine).isEqualTo("评审材料 😀 见 " + LINK);
        assertThat(visible(".bubble"))
                .singleElement()
                .satisfies(b -> assertThat(b.getPseudoClassStates()).contains(MessageCell.MINE));
        assertThat(visible(".hyperlink")).singleElement().isInstanceOf(Hyperlink.class);
        assertThat(visible("#read-2")).hasSize(1);
        assertThat(shown()).noneMatch(s -> s.contains("季度报告")).noneMatch(s -> s.contains("李娜"));
        Node bubble = visible(".bubble").get(0);
        Node avatar = visible(".avatar-text").get(0);

        show(robot, 2); // a notice
        assertThat(shown()).containsExactly(vm.noticeText(vm.items().get(2), (Content.Notice)
                vm.items().get(2).content()));
        assertThat(visible(".bubble")).isEmpty();

        show(robot, 3); // Lina's reply quoting my text
        assertThat(visible("#quote-4")).hasSize(1);
        assertThat(String.join("", bubbleTexts())).isEqualTo("收到，我看看");
        assertThat(visible(".bubble"))
                .singleElement()
                .satisfies(b -> assertThat(b.getPseudoClassStates()).doesNotContain(MessageCell.MINE));
        assertThat(visible("#read-2")).isEmpty();

        show(robot, 4); // forwarded, mentions me
        assertThat(visible(".mention-badge")).hasSize(1);
        assertThat(visible(".forwarded-mark")).hasSize(1);
        assertThat(visible(".quote-block")).isEmpty();

        show(robot, 5); // plain text from Lina
        assertThat(String.join("", bubbleTexts())).isEqualTo("好的");
        assertThat(visible(".mention-badge")).isEmpty();
        assertThat(visible(".forwarded-mark")).isEmpty();
        assertThat(visible(".hyperlink")).isEmpty();
        assertThat(shown()).anyMatch(s -> s.startsWith("李娜")).noneMatch(s -> s.contains("评审材料"));
        // the same nodes, given other words: not made (and styled) again
        assertThat(visible(".bubble").get(0)).isSameAs(bubble);
        assertThat(visible(".avatar-text").get(0)).isSameAs(avatar);

        show(robot, 0); // back to the file, then the text
        assertThat(visible(".file-download")).hasSize(1);
        assertThat(bubbleTexts()).isEmpty();
        show(robot, 1);
        assertThat(String.join("", bubbleTexts())).isEqualTo("评审材料 😀 见 " + LINK);
        assertThat(visible(".file-download")).isEmpty();
    }

    @Test
    void theMeasuringCellAnswersAMeasuredRowWithoutBuildingItUntilTheRowOrTheWidthChanges(FxRobot robot)
            throws Exception {
        double plain = height(robot, 5);
        double reply = height(robot, 3);

        robot.interact(() -> measuring.updateIndex(5));
        assertThat(built(measuring)).as("answered from the kept height").isFalse();
        assertThat(fx(() -> measuring.prefHeight(WIDTH))).isEqualTo(plain);
        robot.interact(() -> measuring.updateIndex(3));
        assertThat(built(measuring)).isFalse();
        assertThat(fx(() -> measuring.prefHeight(WIDTH))).isEqualTo(reply);

        // Lina recalls "好的": a new row value, measured anew
        robot.interact(() -> {
            MessageItem m = vm.items().get(5);
            vm.items()
                    .set(
                            5,
                            new MessageItem(
                                    m.key(),
                                    m.seq(),
                                    m.senderId(),
                                    m.senderName(),
                                    m.mine(),
                                    m.timeMs(),
                                    m.content(),
                                    true,
                                    m.status(),
                                    m.clientMessageId(),
                                    m.localFile(),
                                    m.forwarded()));
            measuring.updateIndex(-1);
            measuring.updateIndex(5);
            measuring.applyCss(); // as the list's flow styles a cell it measures
        });
        assertThat(built(measuring)).as("a changed row is built").isTrue();
        assertThat(shownIn(measuring)).containsExactly("李娜撤回了一条消息");
        double recalled = fx(() -> measuring.prefHeight(WIDTH));
        assertThat(recalled).isLessThan(plain).isEqualTo(height(robot, 5));

        // asked at another width (the list became narrower): built and measured after all
        robot.interact(() -> {
            measuring.updateIndex(-1);
            measuring.updateIndex(3);
        });
        assertThat(built(measuring)).isFalse();
        double narrower = fx(() -> measuring.prefHeight(WIDTH - 200));
        assertThat(built(measuring)).isTrue();
        assertThat(shownIn(measuring)).anyMatch(s -> s.contains("收到"));
        show(robot, 3);
        assertThat(narrower).isEqualTo(fx(() -> cell.prefHeight(WIDTH - 200)));
    }

    /** Gives the visible cell row {@code index}, styled and laid out as the list would. */
    private void show(FxRobot robot, int index) {
        robot.interact(() -> {
            cell.updateIndex(index);
            cell.applyCss();
            cell.resize(WIDTH, cell.prefHeight(WIDTH));
            cell.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The height the visible cell measures for row {@code index}. */
    private double height(FxRobot robot, int index) throws Exception {
        show(robot, index);
        return fx(() -> cell.prefHeight(WIDTH));
    }

    private static double fx(java.util.concurrent.Callable<Double> measure) throws Exception {
        return WaitForAsyncUtils.asyncFx(measure).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static boolean built(MessageCell c) {
        return c.getGraphic() != null
                && c.getGraphic().isManaged()
                && c.getGraphic().isVisible();
    }

    /** Nodes of the visible cell matching {@code query} that are shown (they and their parents visible). */
    private List<Node> visible(String query) {
        return cell.lookupAll(query).stream().filter(n -> showing(n, cell)).toList();
    }

    private List<String> shown() {
        return shownIn(cell);
    }

    /** The words the cell shows: labels' and texts' (of a label's own text node only once), emoji by their text. */
    private static List<String> shownIn(MessageCell c) {
        return c.lookupAll("*").stream()
                .filter(n -> showing(n, c))
                .filter(n -> n instanceof Labeled || (n instanceof Text t && !(t.getParent() instanceof Labeled)))
                .map(n -> n instanceof Labeled l ? l.getText() : ((Text) n).getText())
                .filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.toList());
    }

    /** The text bubble's runs in order: words, emoji (by their text) and links. */
    private List<String> bubbleTexts() {
        List<String> out = new ArrayList<>();
        for (Node bubble : visible(".bubble")) {
            if (bubble instanceof TextFlow flow) {
                flow.getChildren().forEach(n -> out.add(run(n)));
            } else {
                for (Node n : ((Parent) bubble).getChildrenUnmodifiable()) {
                    if (n instanceof TextFlow flow) { // a reply: the text under the quote
                        flow.getChildren().forEach(k -> out.add(run(k)));
                    }
                }
            }
        }
        return out;
    }

    private static String run(Node n) {
        if (n instanceof Text t) {
            return t.getText();
        }
        if (n instanceof Hyperlink h) {
            return h.getText();
        }
        return n instanceof ImageView v ? v.getAccessibleText() : "?";
    }

    private static boolean showing(Node n, Node top) {
        for (Node at = n; at != null && at != top; at = at.getParent()) {
            if (!at.isVisible() || !at.isManaged()) {
                return false;
            }
        }
        return true;
    }
}
