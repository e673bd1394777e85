package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Jump to context": the chat loads earlier pages until the message asked for is there, then names it. */
class ChatRevealTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Long> revealed = new ArrayList<>();
    ChatViewModel vm;

    @BeforeEach
    void setUp() {
        List<Message> history = new ArrayList<>();
        for (int seq = 1; seq <= 180; seq++) {
            history.add(FakeChatPort.text(CONV, seq, seq % 2 == 0 ? LINA : ME, NOW.toEpochMilli() - seq, "m" + seq));
        }
        port.messages.put(CONV, history);
        ConversationRow row =
                new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 0, 0, 0, 180, 2);
        vm = new ChatViewModel(
                row,
                port,
                new MessageTexts(new Texts(Locale.ENGLISH), clock),
                clock,
                Runnable::run,
                new FakeReceiveSettings());
        vm.revealedProperty().addListener((o, was, now) -> {
            if (now.longValue() != 0) {
                revealed.add(now.longValue());
            }
        });
    }

    @Test
    void aMessageOnTheFirstPageIsNamedAtOnceAfterLoading() {
        vm.reveal(170);
        assertThat(revealed).isEmpty(); // nothing loaded yet
        vm.start();
        assertThat(revealed).containsExactly(170L);
        assertThat(vm.items()).hasSize(ChatViewModel.PAGE);
    }

    @Test
    void anOlderMessageLoadsThePagesBackToIt() {
        vm.start();
        vm.reveal(35);
        assertThat(revealed).containsExactly(35L);
        assertThat(vm.items().get(0).seq()).isLessThanOrEqualTo(35);
        assertThat(vm.items()).extracting(MessageItem::seq).contains(35L, 180L);
    }

    @Test
    void aMessageThatIsNotThereStopsAtTheStartOfTheHistory() {
        vm.start();
        vm.reveal(100_000);
        assertThat(vm.items()).hasSize(180);
        assertThat(revealed).containsExactly(100_000L);
    }
}
