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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quote-replies, forwarding and "read by N" in the chat's view-models, without the FX toolkit. */
class ChatRepliesTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long WEI = 3;
    static final long CONV = 10;
    static final long OTHER = 11;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
    final List<Message> history = new ArrayList<>();

    ChatViewModel chat(ConversationKind kind) {
        port.names.putAll(Map.of(ME, "张伟", LINA, "李娜", WEI, "王伟"));
        history.add(FakeChatPort.text(CONV, 5, LINA, NOW.toEpochMilli() - 9000, "明天  下午\n三点开会？"));
        history.add(
                new Message(CONV, 6, LINA, NOW.toEpochMilli() - 8000, new Content.Image("白板.png", 2000), false, ""));
        history.add(FakeChatPort.text(CONV, 7, ME, NOW.toEpochMilli() - 7000, "好的"));
        history.add(FakeChatPort.text(CONV, 8, ME, NOW.toEpochMilli() - 6000, "我来订会议室"));
        port.messages.put(CONV, history);
        ConversationRow row = new ConversationRow(CONV, CONV, kind, "项目组", "项", "", "", 0, 0, 8, 8, 3);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
        return vm;
    }

    MessageItem row(ChatViewModel vm, long seq) {
        return vm.items().stream().filter(i -> i.seq() == seq).findFirst().orElseThrow();
    }

    @Test
    void aQuotedReplyCarriesTheOriginalsSeqSenderAndOneLineExcerptThenTheComposerForgetsIt() {
        ChatViewModel vm = chat(ConversationKind.GROUP);

        vm.quote(row(vm, 5));
        assertThat(vm.quotingProperty().get()).isEqualTo(new Quote(5, LINA, "明天 下午 三点开会？", false));
        assertThat(vm.quoteSender(
                        java.util.Objects.requireNonNull(vm.quotingProperty().get())))
                .isEqualTo("李娜");
        vm.draftProperty().set("可以");
        vm.send();

        assertThat(port.sentTexts).containsExactly("可以");
        assertThat(port.sentQuotes).containsExactly(Optional.of(new Quote(5, LINA, "明天 下午 三点开会？", false)));
        assertThat(vm.quotingProperty().get()).isNull();
        MessageItem pending = vm.items().get(vm.items().size() - 1);
        assertThat(pending.quote()).isEqualTo(new Quote(5, LINA, "明天 下午 三点开会？", false));
        vm.draftProperty().set("再说一句");
        vm.send();
        assertThat(port.sentQuotes.get(1)).isEmpty();
    }

    @Test
    void aPictureIsQuotedAsItsPlaceholderAndACancelledQuoteIsNotSent() {
        ChatViewModel vm = chat(ConversationKind.GROUP);

        vm.quote(row(vm, 6));
        assertThat(java.util.Objects.requireNonNull(vm.quotingProperty().get()).excerpt())
                .isEqualTo("[图片]");
        vm.cancelQuote();
        vm.draftProperty().set("收到");
        vm.send();

        assertThat(port.sentQuotes).containsExactly(Optional.empty());
    }

    @Test
    void aLongMessageIsQuotedByTheExcerptThePortMakes() {
        ChatViewModel vm = chat(ConversationKind.GROUP);
        history.add(FakeChatPort.text(CONV, 9, LINA, NOW.toEpochMilli() - 5000, "字".repeat(300)));
        port.listeners.forEach(l -> l.entriesChanged(java.util.Set.of(CONV)));

        vm.quote(row(vm, 9));
        String cut =
                java.util.Objects.requireNonNull(vm.quotingProperty().get()).excerpt();

        assertThat(cut).isEqualTo(port.excerpt("字".repeat(300)));
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(im.magpie.client.QuotedMessage.MAX_EXCERPT_CHARS);
        assertThat(cut).endsWith("…");
    }

    @Test
    void groupsCountReadersLiveAndListThemByName() {
        port.memberReadMarks.putAll(Map.of(ME, 8L, LINA, 7L, WEI, 6L));
        port.members.addAll(
                List.of(new Member(ME, "张伟", "zw"), new Member(LINA, "李娜", "ln"), new Member(WEI, "王伟", "ww")));
        ChatViewModel vm = chat(ConversationKind.GROUP);
        ReadReceipts receipts = vm.readReceipts();

        assertThat(receipts.label(row(vm, 7))).isEqualTo("1 人已读");
        assertThat(receipts.label(row(vm, 8))).isEqualTo("0 人已读");
        assertThat(receipts.label(row(vm, 5))).as("not mine").isEmpty();
        ReadByViewModel list = receipts.readBy(row(vm, 7));
        assertThat(list.read()).extracting(Member::name).containsExactly("李娜");
        assertThat(list.unread()).extracting(Member::name).containsExactly("王伟");

        port.memberReadMarks.put(WEI, 8L);
        port.memberReadMarks.put(LINA, 8L);
        port.listeners.forEach(l -> l.conversationsChanged(Set.of(CONV)));
        assertThat(receipts.label(row(vm, 7))).isEqualTo("全部已读");
        assertThat(receipts.allRead(row(vm, 8))).isTrue();
    }

    @Test
    void directChatsSayReadOrUnreadAndListNobody() {
        port.memberReadMarks.putAll(Map.of(ME, 8L, LINA, 7L));
        ChatViewModel vm = chat(ConversationKind.DIRECT);
        ReadReceipts receipts = vm.readReceipts();

        assertThat(receipts.label(row(vm, 7))).isEqualTo("已读");
        assertThat(receipts.label(row(vm, 8))).isEqualTo("未读");
        assertThat(receipts.listable(row(vm, 7))).isFalse();
        port.memberReadMarks.put(LINA, 8L);
        port.listeners.forEach(l -> l.entriesChanged(Set.of(CONV)));
        assertThat(receipts.label(row(vm, 8))).isEqualTo("已读");
    }

    @Test
    void theForwardPickerFindsChatsByTitleAndPeopleByPinyinAndSendsToEveryTickedOne() {
        List<ConversationRow> rows = List.of(
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "项目组", "", "", "", 3, 0, 0, 8, 3),
                new ConversationRow(OTHER, LINA, ConversationKind.DIRECT, "李娜", "李娜", "", "", 2, 0, 0, 1, 2),
                new ConversationRow(12, WEI, ConversationKind.DIRECT, "王伟", "王伟", "", "", 1, 0, 0, 1, 2));
        port.peopleByQuery.put("ln", Set.of(LINA));
        ForwardViewModel picker = new ForwardViewModel(port, CONV, List.of(5L), rows, words, Runnable::run);

        assertThat(picker.shown()).extracting(ConversationRow::id).containsExactly(CONV, OTHER, 12L);
        picker.queryProperty().set("LN");
        assertThat(picker.shown()).extracting(ConversationRow::id).containsExactly(OTHER);
        picker.queryProperty().set("项目");
        assertThat(picker.shown()).extracting(ConversationRow::id).containsExactly(CONV);
        assertThat(picker.canSendBinding().get()).isFalse();
        picker.toggle(12);
        picker.toggle(CONV);
        picker.toggle(OTHER);
        picker.toggle(OTHER);
        picker.send();

        assertThat(port.forwards)
                .containsExactly(new FakeChatPort.Forward(CONV, 5, CONV), new FakeChatPort.Forward(CONV, 5, 12));
        assertThat(picker.doneProperty().get()).isTrue();
    }
}
