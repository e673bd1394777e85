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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final FakeReceiveSettings receive = new FakeReceiveSettings();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.ENGLISH), clock);
    final List<Message> history = new ArrayList<>();
    ChatViewModel vm;

    @BeforeEach
    void setUp() {
        port.names.put(ME, "Zhang Wei");
        port.names.put(LINA, "李娜");
        for (int seq = 1; seq <= 120; seq++) {
            history.add(FakeChatPort.text(
                    CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - 1000L * (121 - seq), "m" + seq));
        }
        port.messages.put(CONV, history);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 3, 100, 120, 2);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, receive);
    }

    @Test
    void loadsTheNewestPageWithNamesAndMarksItRead() {
        vm.start();

        assertThat(vm.items()).hasSize(ChatViewModel.PAGE);
        assertThat(vm.items().get(0).seq()).isEqualTo(71);
        assertThat(vm.items().get(49).seq()).isEqualTo(120);
        MessageItem fromLina = vm.items().get(49);
        assertThat(fromLina.senderName()).isEqualTo("李娜");
        assertThat(fromLina.mine()).isFalse();
        assertThat(vm.items().get(48).mine()).isTrue();
        assertThat(port.readMarks).containsExactly(120L);
    }

    @Test
    void loadsOlderPagesUntilTheStart() {
        vm.start();
        vm.loadOlder();
        assertThat(vm.items()).hasSize(120); // older pages are larger than the newest one
        assertThat(vm.items().get(0).seq()).isEqualTo(1);
        vm.loadOlder();
        assertThat(vm.items()).hasSize(120);
    }

    @Test
    void sendingShowsTheMessageUntilTheServerHasItThenReplacesItWithoutDuplicate() {
        vm.start();
        vm.draftProperty().set("  你好  ");
        vm.send();

        assertThat(port.sentTexts).containsExactly("你好");
        assertThat(vm.draftProperty().get()).isEmpty();
        MessageItem pending = vm.items().get(vm.items().size() - 1);
        assertThat(pending.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(pending.clientMessageId()).isEqualTo("client-1");

        port.listeners.forEach(l -> l.messageSent("client-1", CONV, 121));
        assertThat(vm.items().get(vm.items().size() - 1).status()).isEqualTo(DeliveryStatus.SENT);

        history.add(new Message(CONV, 121, ME, NOW.toEpochMilli(), new Content.Text("你好"), false, "client-1"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(vm.items().stream().filter(i -> i.clientMessageId().equals("client-1")))
                .singleElement()
                .satisfies(i -> assertThat(i.seq()).isEqualTo(121));
    }

    @Test
    void blankOrTooLongDraftsCannotBeSent() {
        vm.draftProperty().set("   ");
        assertThat(vm.canSendBinding().get()).isFalse();
        vm.draftProperty().set("x".repeat(ChatViewModel.MAX_TEXT_CHARS + 1));
        assertThat(vm.canSendBinding().get()).isFalse();
        vm.send();
        assertThat(port.sentTexts).isEmpty();
    }

    @Test
    void aRefusedMessageIsMarkedFailedAndRetrySendsItAgain() {
        vm.start();
        vm.draftProperty().set("hello");
        vm.send();
        port.listeners.forEach(l -> l.messageFailed("client-1", CONV, "TOO_LARGE"));
        MessageItem failed = vm.items().get(vm.items().size() - 1);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);

        vm.retry(failed);

        assertThat(port.sentTexts).containsExactly("hello", "hello");
        assertThat(vm.items().stream().filter(i -> i.status() == DeliveryStatus.FAILED))
                .isEmpty();
        assertThat(vm.items().get(vm.items().size() - 1).clientMessageId()).isEqualTo("client-2");
    }

    @Test
    void recallIsOfferedForOwnMessagesWithinTwoMinutesOnly() {
        vm.start();
        MessageItem mineRecent = vm.items().get(48); // seq 119, 2 s old, mine
        MessageItem linas = vm.items().get(49);
        MessageItem mineOld = new MessageItem(
                "s5",
                5,
                ME,
                "Zhang Wei",
                true,
                NOW.toEpochMilli() - 121_000,
                new Content.Text("old"),
                false,
                DeliveryStatus.SENT,
                "",
                null,
                false);

        assertThat(vm.canRecall(mineRecent)).isTrue();
        assertThat(vm.canRecall(linas)).isFalse();
        assertThat(vm.canRecall(mineOld)).isFalse();

        vm.recall(mineOld);
        vm.recall(mineRecent);
        assertThat(port.recalled).containsExactly(119L);
    }

    @Test
    void aFileIsShownWhileUploadingAndFailsVisiblyWithATranslatedReason() {
        vm.start();
        vm.sendPath(Path.of("/tmp/报告.pdf"), false);
        MessageItem uploading = vm.items().get(vm.items().size() - 1);
        assertThat(uploading.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(uploading.content()).isEqualTo(new Content.File("报告.pdf", 0));

        port.nextFileResult.completeExceptionally(
                new ChatException(ChatFailureKind.TOO_LARGE, "big", new IllegalStateException()));

        assertThat(vm.items().get(vm.items().size() - 1).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(vm.noticeProperty().get()).isEqualTo("The file is too large for this server.");
    }

    @Test
    void savingAFileReportsWhereItWent() {
        history.add(new Message(CONV, 121, LINA, NOW.toEpochMilli(), new Content.File("a.txt", 10), false, ""));
        vm.start();
        MessageItem file = vm.items().get(vm.items().size() - 1);

        vm.save(file, Path.of("/tmp/x/a.txt"));

        assertThat(vm.noticeProperty().get()).isEqualTo("Saved to " + Path.of("/tmp/x/a.txt"));
        assertThat(vm.copyText(file)).isEqualTo("a.txt");
    }

    @Test
    void eventsForOtherConversationsAreIgnoredAndDisposeStopsListening() {
        vm.start();
        int before = vm.items().size();
        history.add(FakeChatPort.text(CONV, 121, LINA, NOW.toEpochMilli(), "new"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(99L)));
        assertThat(vm.items()).hasSize(before);
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(vm.items()).hasSize(before + 1);
        assertThat(port.readMarks).containsExactly(120L, 121L);
        vm.dispose();
        assertThat(port.listeners).isEmpty();
    }

    @Test
    void messagesArrivingWhileAReadMarkIsOnItsWayAreMarkedByOneMore() {
        port.holdMarks = true;
        vm.start();
        for (int seq = 121; seq <= 124; seq++) {
            history.add(FakeChatPort.text(CONV, seq, LINA, NOW.toEpochMilli(), "new " + seq));
            port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        }
        assertThat(port.readMarks).as("one mark at a time").containsExactly(120L);

        port.heldMarks.get(0).complete(null);
        assertThat(port.readMarks).containsExactly(120L, 124L);
        port.heldMarks.get(1).completeExceptionally(new java.io.IOException("offline"));
        assertThat(port.readMarks).as("nothing newer to mark").containsExactly(120L, 124L);

        history.add(FakeChatPort.text(CONV, 125, LINA, NOW.toEpochMilli(), "new 125"));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(port.readMarks).as("the next message is marked again").containsExactly(120L, 124L, 125L);
    }
}
