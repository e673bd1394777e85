package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "多选" (select) and "逐条转发" (forward one by one) in the chat's view-models, without the FX toolkit. */
class ChatSelectionTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long CONV = 10;
    static final long TEAM = 11;
    static final long WEI = 12;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
    final List<Message> history = new ArrayList<>();
    final List<ConversationRow> targets = List.of(
            new ConversationRow(CONV, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 3, 0, 0, 8, 2),
            new ConversationRow(TEAM, TEAM, ConversationKind.GROUP, "项目组", "项", "", "", 2, 0, 0, 1, 3),
            new ConversationRow(WEI, 3, ConversationKind.DIRECT, "王伟", "王伟", "", "", 1, 0, 0, 1, 2));

    ChatViewModel chat() {
        port.names.putAll(Map.of(ME, "张伟", LINA, "李娜"));
        long t = NOW.toEpochMilli();
        history.add(FakeChatPort.text(CONV, 4, LINA, t - 9000, "周报模板在这里"));
        history.add(new Message(CONV, 5, LINA, t - 8000, new Content.File("周报.docx", 40_000), false, ""));
        history.add(new Message(CONV, 6, LINA, t - 7000, new Content.Image("白板.png", 2000), false, ""));
        history.add(new Message(CONV, 7, LINA, t - 6000, new Content.Text("说错了"), true, ""));
        history.add(FakeChatPort.text(CONV, 8, ME, t - 5000, "收到"));
        port.messages.put(CONV, history);
        ChatViewModel vm =
                new ChatViewModel(targets.get(0), port, words, clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
        return vm;
    }

    static MessageItem row(ChatViewModel vm, long seq) {
        return vm.items().stream().filter(i -> i.seq() == seq).findFirst().orElseThrow();
    }

    @Test
    void selectStartsWithTheMessageTickedAndTicksOnlyStoredMessagesThatWereNotRecalled() {
        ChatViewModel vm = chat();
        MessageSelection selection = vm.selection();
        assertThat(selection.activeProperty().get()).isFalse();
        selection.toggle(row(vm, 4));
        assertThat(selection.chosen())
                .as("nothing is ticked outside selection mode")
                .isEmpty();

        selection.start(row(vm, 8));
        selection.toggle(row(vm, 7)); // recalled
        vm.draftProperty().set("还没发出去");
        vm.send();
        MessageItem pending = vm.items().get(vm.items().size() - 1);
        assertThat(pending.seq()).isZero();
        selection.toggle(pending);

        assertThat(selection.activeProperty().get()).isTrue();
        assertThat(selection.selectable(row(vm, 7))).isFalse();
        assertThat(selection.chosen()).containsExactly(8L);
        assertThat(selection.countBinding().get()).isEqualTo(1);
    }

    @Test
    void theTickedMessagesAreListedInChatOrderNotInTheOrderTheyWereTicked() {
        ChatViewModel vm = chat();
        MessageSelection selection = vm.selection();

        selection.start(row(vm, 8));
        selection.toggle(row(vm, 4));
        selection.toggle(row(vm, 6));
        selection.toggle(row(vm, 5));
        selection.toggle(row(vm, 6));

        assertThat(selection.chosen()).containsExactly(4L, 5L, 8L);
        assertThat(selection.canForwardBinding().get()).isTrue();
        selection.cancel();
        assertThat(selection.activeProperty().get()).isFalse();
        assertThat(selection.chosen()).isEmpty();
        assertThat(selection.canForwardBinding().get()).isFalse();
    }

    @Test
    void aTickedMessageRecalledMeanwhileIsLeftOut() {
        ChatViewModel vm = chat();
        MessageSelection selection = vm.selection();
        selection.start(row(vm, 4));
        selection.toggle(row(vm, 5));

        history.set(1, new Message(CONV, 5, LINA, NOW.toEpochMilli() - 8000, new Content.Text(""), true, ""));
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));

        assertThat(row(vm, 5).recalled()).isTrue();
        assertThat(selection.chosen()).containsExactly(4L);
        assertThat(selection.countBinding().get()).isEqualTo(1);
    }

    @Test
    void forwardingOneByOneSendsEachMessageInOrderToEveryTickedChat() {
        ForwardViewModel picker = new ForwardViewModel(port, CONV, List.of(4L, 5L, 6L), targets, words, Runnable::run);
        assertThat(picker.messageCount()).isEqualTo(3);
        picker.toggle(WEI);
        picker.toggle(TEAM);
        picker.send();

        assertThat(port.forwards)
                .containsExactly(
                        new FakeChatPort.Forward(CONV, 4, TEAM),
                        new FakeChatPort.Forward(CONV, 4, WEI),
                        new FakeChatPort.Forward(CONV, 5, TEAM),
                        new FakeChatPort.Forward(CONV, 5, WEI),
                        new FakeChatPort.Forward(CONV, 6, TEAM),
                        new FakeChatPort.Forward(CONV, 6, WEI));
        assertThat(picker.doneProperty().get()).isTrue();
    }

    @Test
    void afterAFailureSendGoesOnWithTheMessagesThatHaveNotGoneOut() {
        ForwardViewModel picker = new ForwardViewModel(port, CONV, List.of(4L, 5L, 6L), targets, words, Runnable::run);
        port.failingForwards.add(5L);
        picker.toggle(TEAM);
        picker.send();

        assertThat(port.forwards).containsExactly(new FakeChatPort.Forward(CONV, 4, TEAM));
        assertThat(picker.doneProperty().get()).isFalse();
        assertThat(picker.problemProperty().get()).isEqualTo(words.texts().get("chat.error.offline"));
        assertThat(picker.canSendBinding().get()).isTrue();

        picker.send();
        assertThat(port.forwards)
                .containsExactly(
                        new FakeChatPort.Forward(CONV, 4, TEAM),
                        new FakeChatPort.Forward(CONV, 5, TEAM),
                        new FakeChatPort.Forward(CONV, 6, TEAM));
        assertThat(picker.doneProperty().get()).isTrue();
        assertThat(picker.problemProperty().get()).isEmpty();
    }
}
