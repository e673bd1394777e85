package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History paging of the chat: the older page fetched ahead, newest loads folded, new rows in one change. */
class ChatPagingTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final int STORED = 300;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Message> history = new ArrayList<>();
    ChatViewModel vm;

    @BeforeEach
    void setUp() {
        port.names.put(ME, "Zhang Wei");
        port.names.put(LINA, "李娜");
        for (int seq = 1; seq <= STORED; seq++) {
            history.add(message(seq));
        }
        port.messages.put(CONV, history);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, STORED, STORED, 2);
        MessageTexts words = new MessageTexts(new Texts(Locale.ENGLISH), clock);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
    }

    private Message message(int seq) {
        return FakeChatPort.text(
                CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - 1000L * (STORED - seq), "m" + seq);
    }

    private long newestReads() {
        return port.messageReads.stream()
                .filter(r -> r.beforeSeq() == Long.MAX_VALUE)
                .count();
    }

    @Test
    void theNextOlderPageIsFetchedAheadAndGoesInAtOnce() {
        vm.start();
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE);
        int older = HistoryPages.OLDER_PAGE;
        assertThat(port.messageReads)
                .as("the newest page, then the older one ahead of need")
                .containsExactly(
                        new FakeChatPort.Read(Long.MAX_VALUE, ChatViewModel.PAGE),
                        new FakeChatPort.Read(STORED - ChatViewModel.PAGE + 1, older));

        vm.loadOlder();
        assertThat(vm.loadingOlderProperty().get()).isFalse();
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE + older);
        assertThat(vm.items().get(0).seq()).isEqualTo(STORED - ChatViewModel.PAGE - older + 1);
        assertThat(port.messageReads)
                .as("each page read once, the next one fetched ahead again")
                .hasSize(3)
                .last()
                .isEqualTo(new FakeChatPort.Read(STORED - ChatViewModel.PAGE - older + 1, older));

        vm.loadOlder();
        assertThat(vm.items()).hasSize(STORED);
        assertThat(vm.items().get(0).seq()).isEqualTo(1);
        vm.loadOlder();
        assertThat(vm.items()).hasSize(STORED);
        assertThat(port.messageReads).hasSize(3);
    }

    @Test
    void anOlderPageStillOnItsWayIsWaitedForOnce() {
        port.holdReads = true;
        vm.start();
        port.releaseReads(); // the newest page; the older one is asked ahead and held
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE);
        assertThat(port.messageReads).hasSize(2);

        vm.loadOlder();
        vm.loadOlder();
        assertThat(vm.loadingOlderProperty().get()).isTrue();
        assertThat(port.messageReads).as("no second read of the same page").hasSize(2);

        port.releaseReads();
        assertThat(vm.loadingOlderProperty().get()).isFalse();
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE + HistoryPages.OLDER_PAGE);
        assertThat(port.messageReads).as("the next one asked ahead").hasSize(3);
    }

    @Test
    void entriesArrivingWhileAReadRunsAreFoldedIntoOneMoreRead() {
        port.holdReads = true;
        vm.start();
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV))); // before the newest page is in
        port.releaseReads();
        assertThat(newestReads()).isEqualTo(1);
        assertThat(port.changeReads).as("the change waited for the newest page").containsExactly((long) STORED);

        for (int seq = STORED + 1; seq <= STORED + 3; seq++) {
            history.add(message(seq));
            port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        }
        port.releaseReads();
        assertThat(port.changeReads)
                .as("one read runs at a time; the three changes that came meanwhile make one more")
                .containsExactly((long) STORED, (long) STORED);
        port.releaseReads();
        assertThat(port.changeReads).containsExactly((long) STORED, (long) STORED);
        assertThat(newestReads()).as("the newest page is read once, at opening").isEqualTo(1);
        assertThat(vm.items().get(vm.items().size() - 1).seq()).isEqualTo(STORED + 3);
    }

    @Test
    void anArrivingMessageReadsOnlyTheEntriesAfterTheNewestAndKeepsTheShownRows() {
        vm.start();
        List<MessageItem> shown = List.copyOf(vm.items());
        int readsAtOpening = port.messageReads.size();

        for (int seq = STORED + 1; seq <= STORED + 5; seq++) {
            history.add(message(seq));
            port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        }

        assertThat(port.messageReads).as("no page read again").hasSize(readsAtOpening);
        assertThat(port.changeReads)
                .as("each read starts after the newest entry read")
                .containsExactly((long) STORED, STORED + 1L, STORED + 2L, STORED + 3L, STORED + 4L);
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE + 5);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(vm.items().get(i)).isSameAs(shown.get(i));
        }
    }

    @Test
    void moreMessagesThanOnePageArrivingAtOnceAreAllShownWithoutAGap() {
        vm.start();
        int arriving = HistoryPages.OLDER_PAGE * 2 + 17;
        for (int seq = STORED + 1; seq <= STORED + arriving; seq++) {
            history.add(message(seq));
        }
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        List<Long> seqs = vm.items().stream().map(MessageItem::seq).toList();
        assertThat(seqs).hasSize(ChatViewModel.PAGE + arriving);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("row " + i).isEqualTo(seqs.get(i - 1) + 1);
        }
    }

    @Test
    void aRecallOfAMessageAboveTheNewestPageShowsAndItsRepliesSaySo() {
        vm.start();
        vm.loadOlder();
        MessageItem original = vm.items().get(0);
        assertThat(original.seq()).isLessThan(STORED - ChatViewModel.PAGE);
        long target = original.seq();
        history.add(new Message(
                CONV,
                STORED + 1,
                LINA,
                NOW.toEpochMilli(),
                new Content.Text("回复", List.of(), false, new Quote(target, ME, "m" + target, false)),
                false,
                ""));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        history.set((int) target - 1, new Message(CONV, target, ME, original.timeMs(), new Content.Text(""), true, ""));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        assertThat(vm.items().get(0).recalled()).isTrue();
        Quote quote = vm.items().get(vm.items().size() - 1).quote();
        assertThat(quote).isNotNull();
        assertThat(java.util.Objects.requireNonNull(quote).originalRecalled()).isTrue();
    }

    @Test
    void newMessagesGoInWithOneChangeAndUnchangedRowsStay() {
        vm.start();
        List<String> changes = new ArrayList<>();
        vm.items().addListener((ListChangeListener<MessageItem>) c -> {
            while (c.next()) {
                changes.add(c.getFrom()
                        + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added " + c.getAddedSize() : " removed"));
            }
        });
        for (int seq = STORED + 1; seq <= STORED + 3; seq++) {
            history.add(message(seq));
        }
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        assertThat(changes).containsExactly(ChatViewModel.PAGE + " added 3");
        assertThat(vm.items()).extracting(MessageItem::seq).endsWith((long) STORED + 1, STORED + 2L, STORED + 3L);
    }
}
