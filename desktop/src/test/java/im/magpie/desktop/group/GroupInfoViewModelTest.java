package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupInfoViewModelTest {
    static final long ME = 1;
    static final long LINA = 2;
    static final long WANG = 3;
    static final long CHEN = 4;
    static final long GROUP = 70;

    final FakeGroupPort port = new FakeGroupPort(ME);
    final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    final GroupInfoViewModel vm = new GroupInfoViewModel(port, texts, Runnable::run, GROUP);

    @BeforeEach
    void setUp() {
        port.people.addAll(List.of(
                new Contact(ME, "zhangwei", "张伟", ""),
                new Contact(LINA, "lina", "李娜", ""),
                new Contact(WANG, "wangfang", "王芳", ""),
                new Contact(CHEN, "chenjie", "陈杰", "")));
    }

    private void open(MemberRole myRole, MemberRole linaRole) {
        port.groups.put(
                GROUP,
                new GroupInfo(
                        GROUP,
                        "项目组",
                        true,
                        false,
                        List.of(
                                port.member(
                                        WANG, MemberRole.OWNER.equals(myRole) ? MemberRole.MEMBER : MemberRole.OWNER),
                                port.member(ME, myRole),
                                port.member(LINA, linaRole))));
        vm.start();
    }

    @Test
    void showsTitleMembersRolesAndWatchesTheirPresence() {
        port.presence.put(LINA, Presence.ONLINE);
        open(MemberRole.MEMBER, MemberRole.ADMIN);

        assertThat(vm.titleProperty().get()).isEqualTo("项目组");
        assertThat(vm.members())
                .extracting(Member::name, Member::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("王芳", MemberRole.OWNER),
                        org.assertj.core.groups.Tuple.tuple("张伟", MemberRole.MEMBER),
                        org.assertj.core.groups.Tuple.tuple("李娜", MemberRole.ADMIN));
        assertThat(vm.presenceOf(LINA)).isEqualTo(Presence.ONLINE);
        assertThat(port.watches).containsOnlyKeys(ME, LINA, WANG);

        port.presenceChanged(WANG, Presence.AWAY);
        assertThat(vm.presenceOf(WANG)).isEqualTo(Presence.AWAY);
        port.presenceChanged(CHEN, Presence.ONLINE);
        assertThat(vm.presence()).doesNotContainKey(CHEN);

        vm.dispose();
        assertThat(port.watches).as("every watch ended").isEmpty();
    }

    @Test
    void aPlainMemberMayNotRenameRemoveOrChangeRoles() {
        open(MemberRole.MEMBER, MemberRole.MEMBER);
        Member lina = vm.members().get(2);

        assertThat(vm.canRename()).isFalse();
        assertThat(vm.canRemove(lina)).isFalse();
        assertThat(vm.canChangeRole(lina)).isFalse();
        vm.remove(lina);
        vm.setAdmin(lina, true);
        assertThat(port.calls).isEmpty();
    }

    @Test
    void anAdminRemovesPlainMembersButNotTheOwnerNorChangesRoles() {
        open(MemberRole.ADMIN, MemberRole.MEMBER);
        Member owner = vm.members().get(0);
        Member lina = vm.members().get(2);

        assertThat(vm.canRename()).isTrue();
        assertThat(vm.canRemove(owner)).isFalse();
        assertThat(vm.canRemove(lina)).isTrue();
        assertThat(vm.canChangeRole(lina)).isFalse();

        vm.remove(lina);
        assertThat(port.calls).containsExactly("remove lina");
        assertThat(vm.members()).extracting(Member::name).containsExactly("王芳", "张伟");
        assertThat(port.watches).as("stops watching who left").doesNotContainKey(LINA);
    }

    @Test
    void theOwnerMakesAdminsAndHandsOverAndBecomesAnAdmin() {
        open(MemberRole.OWNER, MemberRole.MEMBER);
        Member lina = vm.members().get(2);
        assertThat(vm.canChangeRole(lina)).isTrue();

        vm.setAdmin(lina, true);
        assertThat(vm.members().get(2).role()).isEqualTo(MemberRole.ADMIN);
        vm.makeOwner(vm.members().get(2));

        assertThat(port.calls).containsExactly("role 2 ADMIN", "role 2 OWNER");
        assertThat(vm.myRoleProperty().get()).isEqualTo(MemberRole.ADMIN);
        assertThat(vm.canChangeRole(vm.members().get(0))).isFalse();
    }

    @Test
    void renameChecksTheTitleAndAPermissionFailureIsExplained() {
        open(MemberRole.OWNER, MemberRole.MEMBER);

        assertThat(vm.rename("   ")).isFalse();
        assertThat(vm.rename("x".repeat(65))).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("群名需为 1 到 64 个字符。");
        assertThat(port.calls).isEmpty();

        port.failNext = ChatFailureKind.PERMISSION_DENIED;
        vm.rename("周会");
        assertThat(vm.errorProperty().get()).isEqualTo("只有群主或管理员可以进行此操作。");
        assertThat(vm.titleProperty().get()).isEqualTo("项目组");

        vm.rename("周会");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("周会");
    }

    @Test
    void changesFromElsewhereReloadThePanelAndBeingRemovedEndsIt() {
        open(MemberRole.MEMBER, MemberRole.MEMBER);
        GroupInfo now = java.util.Objects.requireNonNull(port.groups.get(GROUP));
        port.changedElsewhere(new GroupInfo(
                GROUP,
                "新名字",
                true,
                true,
                List.of(
                        now.members().get(0),
                        now.members().get(1),
                        now.members().get(2),
                        port.member(CHEN, MemberRole.MEMBER))));

        assertThat(vm.titleProperty().get()).isEqualTo("新名字");
        assertThat(vm.members()).hasSize(4);
        assertThat(vm.mutedProperty().get()).isTrue();
        assertThat(port.calls).as("showing the synced mute sends nothing").isEmpty();

        port.changedElsewhere(new GroupInfo(GROUP, "新名字", false, true, List.of()));
        assertThat(vm.goneProperty().get()).isTrue();
    }

    @Test
    void muteAndLeaveGoToThePortAndTheOwnerLearnsWhoTakesOver() {
        open(MemberRole.OWNER, MemberRole.ADMIN);
        assertThat(vm.successor()).map(Member::name).contains("李娜");

        vm.mutedProperty().set(true);
        vm.leave();

        assertThat(port.calls).containsExactly("mute true", "leave");
        assertThat(vm.goneProperty().get()).isTrue();
    }
}
