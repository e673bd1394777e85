package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatMentionsTest {
    static final long ME = 1;
    static final long LILEI = 2;
    static final long LISA = 3;
    static final long WANG = 4;
    static final long CONV = 20;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.ENGLISH), clock);
    ChatViewModel vm;

    @BeforeEach
    void setUp() {
        port.members.addAll(List.of(
                new Member(ME, "Zhang Wei", "zhangwei"),
                new Member(LILEI, "李雷", "lilei"),
                new Member(LISA, "Lisa Chen", "lisa"),
                new Member(WANG, "王芳", "wangfang")));
        port.messages.put(
                CONV,
                List.of(
                        new Message(
                                CONV,
                                1,
                                LISA,
                                NOW.toEpochMilli(),
                                new Content.Text("@Zhang Wei hi", List.of(ME)),
                                false,
                                ""),
                        new Message(
                                CONV,
                                2,
                                LISA,
                                NOW.toEpochMilli(),
                                new Content.Text("@王芳 hi", List.of(WANG)),
                                false,
                                "")));
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "项目组", "项", "", "", 0, 0, 2, 2, 4);
        vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
    }

    private void type(String text) {
        vm.draftProperty().set(text);
        vm.mentions().edited(text, text.length());
    }

    private List<String> matchNames() {
        return vm.mentions().matches().stream().map(Member::name).toList();
    }

    @Test
    void anAtOpensEveryoneButMeAndTypingFiltersByNameOrAccount() {
        type("hello @");
        assertThat(vm.mentions().openProperty().get()).isTrue();
        assertThat(matchNames()).containsExactly("李雷", "Lisa Chen", "王芳");

        type("hello @li");
        assertThat(matchNames()).containsExactly("李雷", "Lisa Chen");
        type("hello @王");
        assertThat(matchNames()).containsExactly("王芳");
        type("hello @nobody");
        assertThat(vm.mentions().openProperty().get()).isFalse();
        type("mail@li");
        assertThat(vm.mentions().openProperty().get())
                .as("an @ inside a word is no mention")
                .isFalse();
    }

    @Test
    void upAndDownMoveTheSelectionAndPickingInsertsTheName() {
        type("hi @li");
        assertThat(vm.mentions().selectedProperty().get()).isZero();
        vm.mentions().move(1);
        vm.mentions().move(1);
        assertThat(vm.mentions().selectedProperty().get()).as("wraps around").isZero();
        vm.mentions().move(-1);

        int caret = vm.pickMention(vm.mentions().selectedProperty().get());

        assertThat(vm.draftProperty().get()).isEqualTo("hi @Lisa Chen ");
        assertThat(caret).isEqualTo("hi @Lisa Chen ".length());
        assertThat(vm.mentions().openProperty().get()).isFalse();
    }

    @Test
    void theSendCarriesTheMentionsStillInTheText() {
        type("@li");
        vm.pickMention(0);
        type(vm.draftProperty().get() + "and @wang");
        vm.pickMention(0);
        assertThat(vm.draftProperty().get()).isEqualTo("@李雷 and @王芳 ");

        vm.send();

        assertThat(port.sentTexts).containsExactly("@李雷 and @王芳");
        assertThat(port.sentMentions).containsExactly(List.of(LILEI, WANG));
    }

    @Test
    void aMentionRemovedFromTheTextIsNotSent() {
        type("@li");
        vm.pickMention(0);
        type("@lisa");
        vm.pickMention(0);
        vm.draftProperty().set("only @Lisa Chen now");

        vm.send();

        assertThat(port.sentMentions).containsExactly(List.of(LISA));
        vm.draftProperty().set("plain");
        vm.send();
        assertThat(port.sentMentions.get(1))
                .as("picks are forgotten after a send")
                .isEmpty();
    }

    @Test
    void messagesMentioningMeAreMarked() {
        assertThat(vm.items()).hasSize(2);
        assertThat(vm.mentionsMe(vm.items().get(0))).isTrue();
        assertThat(vm.mentionsMe(vm.items().get(1))).isFalse();
    }

    @Test
    void directChatsHaveNoPopup() {
        ConversationRow direct =
                new ConversationRow(CONV, LISA, ConversationKind.DIRECT, "Lisa", "L", "", "", 0, 0, 2, 2, 2);
        ChatViewModel directVm =
                new ChatViewModel(direct, port, words, clock, Runnable::run, new FakeReceiveSettings());
        directVm.start();
        directVm.mentions().edited("@li", 3);
        assertThat(directVm.mentions().openProperty().get()).isFalse();
    }
}
