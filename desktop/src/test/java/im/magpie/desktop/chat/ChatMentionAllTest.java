package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** "@所有人" for owners and admins, pinyin in the mention list, and the badge for a message to everyone. */
class ChatMentionAllTest {
    static final long ME = 1;
    static final long CONV = 30;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);

    private ChatViewModel open(MemberRole myRole) {
        port.members.addAll(List.of(
                new Member(ME, "李雷", "lilei", myRole),
                new Member(2, "张伟", "zhangwei"),
                new Member(3, "王芳", "wangfang")));
        port.initials.put(2L, "zw");
        port.initials.put(3L, "wf");
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "项目组", "项", "", "", 0, 0, 0, 0, 3);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
        return vm;
    }

    private List<String> matches(ChatViewModel vm, String text) {
        vm.draftProperty().set(text);
        vm.mentions().edited(text, text.length());
        return vm.mentions().matches().stream().map(Member::name).toList();
    }

    @Test
    void ownersAndAdminsGetAllFirstAndItIsSentAsMentionAll() {
        ChatViewModel vm = open(MemberRole.ADMIN);
        assertThat(matches(vm, "@")).containsExactly("所有人", "张伟", "王芳");
        assertThat(matches(vm, "@syr")).containsExactly("所有人");
        assertThat(matches(vm, "@all")).containsExactly("所有人");

        vm.pickMention(0);
        assertThat(vm.draftProperty().get()).isEqualTo("@所有人 ");
        vm.draftProperty().set(vm.draftProperty().get() + "下午三点开会");
        vm.send();

        assertThat(port.sentTexts).containsExactly("@所有人 下午三点开会");
        assertThat(port.sentMentionAll).containsExactly(true);
        assertThat(port.sentMentions).containsExactly(List.of());
    }

    @Test
    void plainMembersAreNotOfferedAllAndSendNoMentionAll() {
        ChatViewModel vm = open(MemberRole.MEMBER);
        assertThat(matches(vm, "@")).containsExactly("张伟", "王芳");
        assertThat(vm.mentions().openProperty().get()).isTrue();
        assertThat(matches(vm, "@syr")).isEmpty();

        vm.draftProperty().set("@所有人 开会");
        vm.send();
        assertThat(port.sentMentionAll).containsExactly(false);
    }

    @Test
    void theMentionListFindsMembersByPinyinInitials() {
        ChatViewModel vm = open(MemberRole.MEMBER);
        assertThat(matches(vm, "@zw")).containsExactly("张伟");
    }

    @Test
    void aMessageToEveryoneCarriesTheMentionBadge() {
        port.messages.put(
                CONV,
                List.of(new Message(
                        CONV, 1, 2, NOW.toEpochMilli(), new Content.Text("@所有人 开会", List.of(), true), false, "")));
        ChatViewModel vm = open(MemberRole.MEMBER);

        assertThat(vm.items())
                .singleElement()
                .satisfies(m -> assertThat(vm.mentionsMe(m)).isTrue());
    }
}
