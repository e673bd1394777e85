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
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chat with more than one page of history opens at its newest message, headless (Monocle): the list, shown at its
 * top before the rows are pinned, asks for the older page at once, and that page (fetched ahead, on a slow store) goes
 * in above the rows while the chat still opens; then the rows grow (the language's later font). The zh-CN screenshot
 * of a direct chat stopped about a row and a half short of its newest message.
 */
@ExtendWith(ApplicationExtension.class)
class ChatOpensOverPagesTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 41;
    static final int STORED = 130;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @SuppressWarnings("NullAway.Init") // set by start()
    ChatViewModel vm;

    @SuppressWarnings("NullAway.Init") // set by start()
    Scene scene;

    @Start
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        List<Message> history = new ArrayList<>();
        long t = NOW.toEpochMilli() - 86_400_000;
        for (int seq = 1; seq <= STORED; seq++) {
            String text = "第" + seq + "条：" + "明天上午十点评审会议，请大家提前看一下设计稿。".repeat(1 + seq % 4);
            history.add(FakeChatPort.text(CONV, seq, seq % 3 == 0 ? ME : LINA, t + seq * 60_000L, text));
        }
        port.messages.put(CONV, history);
        port.holdReads = true; // each page waits until the test lets it go
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, STORED, STORED, 2);
        vm = new ChatViewModel(row, port, words, clock, Platform::runLater, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        scene = SceneFixture.show(stage, view.root(), 812, 700);
        im.magpie.desktop.i18n.UiFonts.stylesheet(Locale.SIMPLIFIED_CHINESE).ifPresent(scene.getStylesheets()::add);
        vm.start();
    }

    @Test
    void opensAtTheNewestWhenTheOlderPageGoesInAboveWhileItOpens(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> flow() != null));
        robot.interact(port::releaseReads); // the newest page; the older one is asked for ahead and waits
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> onFx(() -> vm.items().size() == HistoryPages.PAGE));
        robot.interact(() -> {
            port.releaseReads(); // the older page, fetched ahead, is in while the chat still opens
            vm.loadOlder(); // as the list asks for it at its top (or moving up near it): it goes in above at once
            scene.getStylesheets().add(ChatOpensAtNewestTest.LATER_FONT);
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> onFx(() -> vm.items().size() == STORED));
        settle();

        assertThat(onFx(this::bottomRow))
                .as("the newest message, down to its bottom edge: %s", onFx(this::where))
                .isEqualTo((long) STORED);
    }

    /** Lets the list lay out and pin for a second and a half (a page or font may be applied in between). */
    private static void settle() {
        for (int i = 0; i < 15; i++) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @SuppressWarnings("unchecked")
    private @Nullable VirtualFlow<?> flow() {
        ListView<MessageItem> list = (ListView<MessageItem>) scene.lookup("#messages");
        return list == null ? null : (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /** The seq of the row shown last when its bottom edge is at the bottom of the list (within a pixel), else -1. */
    private long bottomRow() {
        VirtualFlow<?> f = Objects.requireNonNull(flow());
        IndexedCell<?> last = f.getLastVisibleCell();
        if (last == null || Math.abs(last.getLayoutY() + last.getHeight() - f.getHeight()) > 1) {
            return -1;
        }
        return vm.items().get(last.getIndex()).seq();
    }

    /** What the list shows at its ends, for a failure's message. */
    private String where() {
        VirtualFlow<?> f = Objects.requireNonNull(flow());
        IndexedCell<?> first = f.getFirstVisibleCell();
        IndexedCell<?> last = f.getLastVisibleCell();
        if (first == null || last == null) {
            return "no rows shown";
        }
        return "rows " + first.getIndex() + " to " + last.getIndex() + " of "
                + vm.items().size() + ", the last from "
                + last.getLayoutY() + " to " + (last.getLayoutY() + last.getHeight()) + " in a list " + f.getHeight()
                + " high, position " + f.getPosition();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
