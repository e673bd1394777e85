package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberPickerViewModelTest {
    static final long ME = 1;

    final FakeGroupPort port = new FakeGroupPort(ME);
    final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    final List<Long> done = new ArrayList<>();

    @BeforeEach
    void setUp() {
        port.people.addAll(List.of(
                new Contact(ME, "zhangwei", "张伟", ""),
                new Contact(2, "lina", "李娜", ""),
                new Contact(3, "wangfang", "王芳", ""),
                new Contact(4, "chenjie", "陈杰", ""),
                new Contact(5, "liuyang", "", "")));
    }

    private MemberPickerViewModel newGroup() {
        MemberPickerViewModel vm = MemberPickerViewModel.newGroup(port, texts, Runnable::run, done::add);
        vm.start();
        return vm;
    }

    private Contact person(String account) {
        return port.account(account);
    }

    @Test
    void listsColleaguesButNotTheUserAndSearchNarrowsThem() {
        MemberPickerViewModel vm = newGroup();
        assertThat(vm.results()).extracting(Contact::account).containsExactly("lina", "wangfang", "chenjie", "liuyang");

        vm.queryProperty().set("王");
        assertThat(vm.results()).extracting(Contact::account).containsExactly("wangfang");
    }

    @Test
    void tickingMakesChipsAndTheDefaultNameIsTheFirstNames() {
        MemberPickerViewModel vm = newGroup();
        assertThat(vm.canConfirmBinding().get()).isFalse();

        vm.toggle(person("lina"));
        vm.toggle(person("wangfang"));
        vm.toggle(person("chenjie"));
        assertThat(vm.picked()).extracting(Contact::account).containsExactly("lina", "wangfang", "chenjie");
        assertThat(vm.defaultNameBinding().get()).isEqualTo("张伟、李娜、王芳");

        vm.toggle(person("lina"));
        assertThat(vm.picked()).extracting(Contact::account).containsExactly("wangfang", "chenjie");
        assertThat(vm.defaultNameBinding().get()).isEqualTo("张伟、王芳、陈杰");
        vm.toggle(person("zhangwei"));
        assertThat(vm.picked()).as("the user is always in").hasSize(2);
        assertThat(vm.canConfirmBinding().get()).isTrue();
    }

    @Test
    void createsTheGroupWithTheDefaultNameOrTheTypedOne() {
        MemberPickerViewModel vm = newGroup();
        vm.toggle(person("lina"));
        vm.toggle(person("liuyang"));
        vm.confirm();

        assertThat(port.calls).containsExactly("create 张伟、李娜、liuyang [lina, liuyang]");
        assertThat(done).containsExactly(500L);
        assertThat(vm.finishedProperty().get()).isTrue();

        MemberPickerViewModel named = newGroup();
        named.toggle(person("wangfang"));
        named.nameProperty().set("  周会  ");
        named.confirm();
        assertThat(port.calls).last().isEqualTo("create 周会 [wangfang]");
    }

    @Test
    void badInputAndFailuresAreExplainedAndNothingIsCreated() {
        MemberPickerViewModel vm = newGroup();
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("请至少选择一位同事。");

        vm.toggle(person("lina"));
        vm.nameProperty().set("名".repeat(65));
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("群名需为 1 到 64 个字符。");
        assertThat(port.calls).isEmpty();

        vm.nameProperty().set("周会");
        port.failNext = ChatFailureKind.OFFLINE;
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("当前处于离线状态，请在网络恢复后重试。");
        assertThat(done).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void addingMembersShowsPresentOnesFixedAndAddsTheTicked() {
        port.groups.put(
                80L,
                new GroupInfo(
                        80,
                        "周会",
                        true,
                        false,
                        List.of(port.member(ME, MemberRole.OWNER), port.member(2, MemberRole.MEMBER))));
        MemberPickerViewModel vm =
                MemberPickerViewModel.addMembers(port, texts, Runnable::run, 80, "周会", Set.of(ME, 2L), done::add);
        vm.start();
        assertThat(vm.namesGroupBinding().get()).isFalse();
        assertThat(vm.title()).isEqualTo("添加成员到“周会”");
        assertThat(vm.confirmTextBinding().get()).isEqualTo("添加");
        assertThat(vm.inGroup(person("lina"))).isTrue();

        vm.toggle(person("lina"));
        assertThat(vm.picked()).as("present members stay as they are").isEmpty();
        vm.toggle(person("chenjie"));
        vm.confirm();

        assertThat(port.calls).containsExactly("add [chenjie]");
        assertThat(port.groups.get(80L).members())
                .extracting(Member::account)
                .containsExactly("zhangwei", "lina", "chenjie");
        assertThat(done).containsExactly(80L);
    }

    @Test
    void newChatWithOneColleagueOpensTheDirectChatAndWithSeveralMakesAGroup() {
        MemberPickerViewModel vm = MemberPickerViewModel.startChat(port, texts, Runnable::run, done::add);
        vm.start();
        assertThat(vm.title()).isEqualTo("发起聊天");
        assertThat(vm.noneHint()).isEqualTo("选择一位同事开始聊天，选择多位则创建群聊");
        assertThat(vm.confirmTextBinding().get()).isEqualTo("开始聊天");
        assertThat(vm.namesGroupBinding().get()).isFalse();

        vm.toggle(person("lina"));
        assertThat(vm.opensOnDoubleClick()).isTrue();
        vm.nameProperty().set("名".repeat(65)); // no group: the name is not asked for and not checked
        vm.confirm();
        assertThat(port.calls).containsExactly("open lina");
        assertThat(done).containsExactly(1002L);

        MemberPickerViewModel several = MemberPickerViewModel.startChat(port, texts, Runnable::run, done::add);
        several.start();
        several.toggle(person("lina"));
        several.toggle(person("wangfang"));
        assertThat(several.opensOnDoubleClick()).isFalse();
        assertThat(several.namesGroupBinding().get()).isTrue();
        assertThat(several.confirmTextBinding().get()).isEqualTo("创建群聊");
        several.confirm();
        assertThat(port.calls).last().isEqualTo("create 张伟、李娜、王芳 [lina, wangfang]");
        assertThat(done).hasSize(2);
    }

    @Test
    void anEmptyPeopleCacheIsFilledFromTheServerOnceAndSearchedAgain() {
        FakeGroupPort fresh = new FakeGroupPort(ME);
        fresh.directory.addAll(List.of(new Contact(ME, "zhangwei", "张伟", ""), new Contact(2, "lina", "李娜", "")));
        MemberPickerViewModel vm = MemberPickerViewModel.startChat(fresh, texts, Runnable::run, done::add);
        vm.start();

        assertThat(vm.results()).extracting(Contact::account).containsExactly("lina");
        assertThat(fresh.calls).containsOnlyOnce("refresh people");

        vm.queryProperty().set("nobody");
        vm.queryProperty().set("");
        assertThat(fresh.calls).as("a filled cache is not fetched again").containsOnlyOnce("refresh people");
    }
}
