package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Membership changes shown in the chat with the names of the members they are about. */
class GroupNoticesTest {
    static final long ME = 1;
    static final long ZHANG = 2;
    static final long LINA = 3;
    static final long WANG = 4;
    static final long CONV = 30;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private List<String> notices(Locale locale, Content.Notice... notices) {
        port.names.putAll(java.util.Map.of(ZHANG, "张伟", LINA, "李娜", WANG, "王芳", ME, "陈杰"));
        long seq = 1;
        List<Message> messages = new java.util.ArrayList<>();
        for (Content.Notice n : notices) {
            messages.add(new Message(CONV, seq++, ZHANG, NOW.toEpochMilli(), n, false, ""));
        }
        port.messages.put(CONV, messages);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "项目组", "项", "", "", 0, 0, 0, 0, 3);
        ChatViewModel vm = new ChatViewModel(
                row, port, new MessageTexts(new Texts(locale), clock), clock, Runnable::run, new FakeReceiveSettings());
        vm.start();
        return vm.items().stream()
                .map(m -> vm.noticeText(m, (Content.Notice) m.content()))
                .toList();
    }

    @Test
    void namesWhoWasAddedRemovedLeftAndPromoted() {
        assertThat(notices(
                        Locale.SIMPLIFIED_CHINESE,
                        new Content.Notice("created", "项目组"),
                        new Content.Notice("members_added", "3", List.of(ZHANG, LINA, ME)),
                        new Content.Notice("member_removed", "", List.of(LINA)),
                        new Content.Notice("member_removed", "left", List.of(WANG)),
                        new Content.Notice("role_changed", "ADMIN", List.of(ME)),
                        new Content.Notice("role_changed", "MEMBER", List.of(LINA)),
                        new Content.Notice("role_changed", "OWNER", List.of(WANG)),
                        new Content.Notice("renamed", "周会")))
                .containsExactly(
                        "张伟创建了群聊“项目组”",
                        "张伟 把 李娜、你 加入了群聊",
                        "张伟 将 李娜 移出了群聊",
                        "王芳 退出了群聊",
                        "张伟 将 你 设为管理员",
                        "张伟 取消了 李娜 的管理员身份",
                        "王芳 成为了新群主",
                        "张伟将群名修改为“周会”");
    }

    @Test
    void speaksEnglishToo() {
        assertThat(notices(
                        Locale.ENGLISH,
                        new Content.Notice("members_added", "2", List.of(ZHANG, LINA, WANG)),
                        new Content.Notice("member_removed", "left", List.of(WANG))))
                .containsExactly("张伟 added 李娜, 王芳", "王芳 left the group");
    }
}
