package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "new messages" divider and "jump to the first unread". */
class ChatNewMessagesTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.ENGLISH), clock);
    final List<Message> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        port.names.put(ME, "Zhang Wei");
        port.names.put(LINA, "李娜");
        for (int seq = 1; seq <= 120; seq++) {
            // Lina writes the even ones
            history.add(FakeChatPort.text(
                    CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - 1000L * (121 - seq), "m" + seq));
        }
        port.messages.put(CONV, history);
    }

    private ChatViewModel open(long readSeq, int unread) {
        ConversationRow row = new ConversationRow(
                CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, unread, readSeq, 120, 2);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
        return vm;
    }

    @Test
    void theDividerGoesAboveTheFirstMessageOfOthersAfterTheReadMark() {
        ChatViewModel vm = open(100, 10);

        assertThat(vm.firstNewProperty().get()).isEqualTo(102);
        assertThat(vm.jumpOfferedProperty().get()).isTrue();
        vm.firstNewSeen();
        assertThat(vm.jumpOfferedProperty().get()).isFalse();
        assertThat(words.texts().format("chat.jumpToUnread", vm.unreadAtOpen())).isEqualTo("10 new messages");
    }

    @Test
    void jumpingLoadsOlderPagesUntilTheFirstUnreadIsInAndRevealsIt() {
        ChatViewModel vm = open(20, 50);
        assertThat(vm.items().get(0).seq()).isEqualTo(71);
        assertThat(vm.firstNewProperty().get()).as("not loaded yet").isZero();

        vm.jumpToFirstUnread();

        assertThat(vm.items().get(0).seq()).isLessThanOrEqualTo(21);
        assertThat(vm.firstNewProperty().get()).isEqualTo(22);
        assertThat(vm.revealedProperty().get()).isEqualTo(22);
        assertThat(vm.jumpOfferedProperty().get()).isFalse();
    }

    @Test
    void messagesArrivingInTheOpenChatGetNoDivider() {
        ChatViewModel vm = open(120, 0);

        arrives(text(121, LINA, "在吗"));
        arrives(text(122, ME, "在"));
        arrives(text(123, LINA, "好的"));

        assertThat(vm.firstNewProperty().get()).isZero();
        assertThat(port.readMarks).containsExactly(121L, 123L);
    }

    @Test
    void repliesWhileTheUsersFilePictureAndFolderUploadGetNoDividerWhenTheyAreStored() {
        ChatViewModel vm = open(120, 0);
        record Upload(String name, Content stored, boolean folder) {}
        long seq = 120;
        for (Upload u : List.of(
                new Upload("方案.pdf", new Content.File("方案.pdf", 2000), false),
                new Upload("截图.png", new Content.Image("截图.png", 3000), false),
                new Upload("资料", new Content.Folder("资料", 2, 5000), true))) {
            port.nextFileResult = new CompletableFuture<>();
            vm.sendPath(Path.of("/tmp", u.name()), u.folder());
            arrives(text(++seq, LINA, "收到了吗？"));
            String clientId = "cid-" + u.name();
            port.nextFileResult.complete(clientId);
            arrives(new Message(CONV, ++seq, ME, NOW.toEpochMilli(), u.stored(), false, clientId));
            arrives(text(++seq, LINA, "收到了"));
        }

        assertThat(vm.items().get(vm.items().size() - 1).seq()).isEqualTo(seq);
        assertThat(vm.items()).noneMatch(m -> m.seq() == 0); // each upload became its stored row
        assertThat(vm.firstNewProperty().get()).isZero();
    }

    @Test
    void theDividerStaysAboveTheFirstMessageUnreadAtOpeningWhenMoreArrive() {
        ChatViewModel vm = open(118, 1);

        arrives(text(121, LINA, "还有一件事"));

        assertThat(vm.firstNewProperty().get()).isEqualTo(120);
    }

    private Message text(long seq, long sender, String text) {
        return FakeChatPort.text(CONV, seq, sender, NOW.toEpochMilli(), text);
    }

    /** A message is stored and the client reports the change, as the sync does. */
    private void arrives(Message m) {
        history.add(m);
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
    }

    @Test
    void aFewUnreadNeedNoJumpAndAReadChatHasNoDivider() {
        assertThat(open(117, 2).jumpOfferedProperty().get()).isFalse();
        assertThat(open(120, 0).firstNewProperty().get()).isZero();
    }
}
