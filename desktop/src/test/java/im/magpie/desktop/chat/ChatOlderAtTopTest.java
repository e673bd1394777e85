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
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list at its top without its older page (the read failed while offline) asks again when the user scrolls up there:
 * at the top a scroll moves no scroll bar, so the scroll bar alone never asks.
 */
@ExtendWith(ApplicationExtension.class)
class ChatOlderAtTopTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 42;
    static final int STORED = ChatViewModel.PAGE + HistoryPages.OLDER_PAGE;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);

    @SuppressWarnings("NullAway.Init") // set by start()
    ChatViewModel vm;

    @SuppressWarnings("NullAway.Init") // set by start()
    ListView<MessageItem> list;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
        List<Message> history = new ArrayList<>();
        for (int seq = 1; seq <= STORED; seq++) {
            history.add(FakeChatPort.text(
                    CONV,
                    seq,
                    seq % 2 == 0 ? LINA : ME,
                    NOW.toEpochMilli() - 1000L * (STORED - seq),
                    "第" + seq + "条消息"));
        }
        port.messages.put(CONV, history);
        port.olderReadsFail = true;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, STORED, STORED, 2);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        SceneFixture.show(stage, view.root(), 820, 640);
        list = (ListView<MessageItem>) stage.getScene().lookup("#messages");
        vm.start();
    }

    @Test
    void aScrollUpAtTheTopAsksForTheOlderPageAgainAfterItsReadFailed(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE);
        for (int i = 0; i < 5; i++) { // up to the top; every ask for the older page fails
            robot.interact(() -> flow().fireEvent(ScrollEvents.flingUp(flow(), 2_000)));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(topRow()).as("at the top").isZero();
        assertThat(vm.items()).as("no older page while offline").hasSize(ChatViewModel.PAGE);

        port.olderReadsFail = false; // back online
        robot.interact(() -> flow().fireEvent(ScrollEvents.flingUp(flow(), 400)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.items())
                .as("the older page, asked for by the scroll at the top")
                .hasSize(STORED);
        assertThat(vm.items().get(0).seq()).isEqualTo(1);
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    private int topRow() {
        IndexedCell<?> first = flow().getFirstVisibleCell();
        return first == null ? -1 : first.getIndex();
    }
}
