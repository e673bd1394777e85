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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Quote-reply, forward and "read by" in a real group chat scene, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ChatRepliesViewTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long WEI = 3;
    static final long CONV = 40;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @org.jspecify.annotations.Nullable
    ChatViewModel vm;

    @Start
    void start(Stage stage) {
        port.names.putAll(Map.of(ME, "张伟", LINA, "李娜", WEI, "王伟"));
        port.members.addAll(
                List.of(new Member(ME, "张伟", "zw"), new Member(LINA, "李娜", "ln"), new Member(WEI, "王伟", "ww")));
        port.memberReadMarks.putAll(Map.of(ME, 3L, LINA, 2L, WEI, 1L));
        long t = NOW.toEpochMilli();
        List<Message> history = new ArrayList<>();
        history.add(FakeChatPort.text(CONV, 1, LINA, t - 5000, "周五的评审材料准备好了吗？"));
        history.add(FakeChatPort.text(CONV, 2, ME, t - 4000, "在写了"));
        history.add(new Message(
                CONV,
                3,
                ME,
                t - 3000,
                new Content.Text("今天下班前发出来 👍", List.of(), false, new Quote(1, LINA, "周五的评审材料准备好了吗？", false)),
                false,
                ""));
        port.messages.put(CONV, history);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "评审小组", "", "", "", 0, 0, 3, 3, 3);
        List<ConversationRow> rows = List.of(
                row,
                new ConversationRow(41, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, 0, 0, 2),
                new ConversationRow(42, WEI, ConversationKind.DIRECT, "王伟", "王伟", "", "", 0, 0, 0, 0, 2));
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        this.vm = vm;
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        view.onForward((seqs, sent) ->
                new ForwardDialog(new ForwardViewModel(port, CONV, seqs, rows, words, Runnable::run), stage).show());
        SceneFixture.show(stage, view.root(), 820, 640);
        vm.start();
    }

    @Test
    void quotingPutsTheMessageAboveTheComposerAndTheReplyCarriesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quote-bar").query().isVisible()).isFalse();

        openMenu(robot, 2);
        robot.clickOn("引用");
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#quote-bar").query();
        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.from(bar).lookup(".quote-sender").queryAs(Label.class).getText())
                .isEqualTo("我");
        MainViewFixture.snapshotOf(robot, robot.lookup(".composer").query(), "quote-bar");
        robot.write("终稿");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.sentTexts).containsExactly("终稿");
        assertThat(port.sentQuotes).containsExactly(Optional.of(new Quote(2, ME, "在写了", false)));
        assertThat(bar.isVisible()).isFalse();
        Node sent = robot.lookup(".quote-block")
                .match(n -> n.getId() != null && n.getId().equals("quote-0"))
                .query();
        assertThat(sent.isVisible()).isTrue();
    }

    @Test
    void theQuotedBlockShowsItsSenderAndAClickRevealsTheOriginal(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node block = robot.lookup("#quote-3").query();
        assertThat(robot.from(block)
                        .lookup(".quote-sender")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("李娜");
        MainViewFixture.snapshotOf(robot, robot.lookup("#messages").query(), "quoted-reply");

        SceneFixture.click(robot, "#quote-3");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Objects.requireNonNull(vm).revealedProperty().get()).isEqualTo(1);
    }

    @Test
    void forwardSendsTheMessageToEveryTickedConversation(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        openMenu(robot, 1);
        robot.clickOn("转发");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#forward-targets").tryQuery()).isPresent();

        robot.clickOn("#forward-41");
        robot.clickOn("#forward-42");
        MainViewFixture.snapshotOf(robot, robot.lookup(".forward-dialog").query(), "forward-dialog");
        robot.clickOn("#forward-send");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.forwards)
                .containsExactly(new FakeChatPort.Forward(CONV, 1, 41), new FakeChatPort.Forward(CONV, 1, 42));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#forward-targets").tryQuery().isEmpty());
    }

    @Test
    void clickingReadByListsWhoReadAndWhoDidNot(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#read-2").queryAs(Label.class).getText()).isEqualTo("1 人已读");
        assertThat(robot.lookup("#read-3").queryAs(Label.class).getText()).isEqualTo("0 人已读");

        SceneFixture.click(robot, "#read-2");
        WaitForAsyncUtils.waitForFxEvents();

        Pane read = robot.lookup("#read-list").queryAs(Pane.class);
        Pane unread = robot.lookup("#unread-list").queryAs(Pane.class);
        assertThat(robot.from(read).lookup(".read-by-name").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("李娜");
        assertThat(robot.from(unread).lookup(".read-by-name").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("王伟");
        MainViewFixture.snapshotOf(robot, robot.lookup("#read-by").query(), "read-by");

        port.memberReadMarks.put(WEI, 3L);
        port.memberReadMarks.put(LINA, 3L);
        robot.interact(() -> port.listeners.forEach(l -> l.conversationsChanged(Set.of(CONV))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#read-2").queryAs(Label.class).getText()).isEqualTo("全部已读");
    }

    /** Opens the context menu of the message row {@code seq}. */
    static void openMenu(FxRobot robot, long seq) {
        javafx.scene.control.ListCell<?> cell = robot.lookup("#messages .list-cell")
                .match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                        && c.getItem() instanceof MessageItem m
                        && m.seq() == seq)
                .queryAs(javafx.scene.control.ListCell.class);
        SceneFixture.openMenu(robot, cell);
    }
}
