package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The group info panel headless (Monocle): inline rename, roles, remove by context menu, live changes, leave. */
@ExtendWith(ApplicationExtension.class)
class GroupInfoViewTest {
    static final long GROUP = 70;
    final FakeGroupPort port = new FakeGroupPort(1);
    final StackPane host = new StackPane();
    boolean closed;

    @Start
    void start(Stage stage) {
        port.people.addAll(List.of(
                new Contact(1, "zhangwei", "张伟", ""),
                new Contact(2, "lina", "李娜", ""),
                new Contact(3, "wangfang", "王芳", "")));
        port.presence.put(2L, Presence.ONLINE);
        port.groups.put(
                GROUP,
                new GroupInfo(
                        GROUP,
                        "项目组",
                        true,
                        false,
                        List.of(
                                port.member(1, MemberRole.OWNER),
                                port.member(2, MemberRole.ADMIN),
                                port.member(3, MemberRole.MEMBER))));
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        GroupInfoViewModel vm = new GroupInfoViewModel(port, texts, Runnable::run, GROUP);
        GroupInfoView view = new GroupInfoView(vm, texts, (node, id) -> {}, () -> {
            closed = true;
            host.getChildren().clear();
        });
        host.getChildren().add(view.root());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(host, GroupInfoView.WIDTH, 600));
        stage.show();
        vm.start();
    }

    @Test
    void showsMembersWithRoleBadgesAndRenamesInline(FxRobot robot) {
        assertThat(robot.lookup("#group-member-count").queryAs(Label.class).getText())
                .isEqualTo("3 位成员");
        assertThat(robot.lookup(".role-owner").queryAs(Label.class).getText()).isEqualTo("群主");
        assertThat(robot.lookup(".role-admin").queryAs(Label.class).getText()).isEqualTo("管理员");
        assertThat(robot.lookup("张伟（我）").tryQuery()).isPresent();

        robot.clickOn("#group-rename");
        robot.lookup("#group-title-field").queryTextInputControl().clear();
        robot.clickOn("#group-title-field").write("周会").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.calls).containsExactly("rename 周会");
        assertThat(robot.lookup("#group-title").queryAs(Label.class).getText()).isEqualTo("周会");
    }

    @Test
    void theOwnerRemovesAMemberFromTheContextMenuAfterConfirming(FxRobot robot) {
        SceneFixture.openMenu(robot, robot.lookup("#member-wangfang").query());
        robot.clickOn("移出群聊");
        robot.clickOn("移出");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.calls).containsExactly("remove wangfang");
        assertThat(robot.lookup("#group-member-count").queryAs(Label.class).getText())
                .isEqualTo("2 位成员");
    }

    @Test
    void aChangeFromAnotherDeviceShowsAtOnceAndLeavingClosesThePanel(FxRobot robot) {
        robot.interact(() -> port.changedElsewhere(new GroupInfo(
                GROUP,
                "新群名",
                true,
                false,
                List.of(port.member(1, MemberRole.OWNER), port.member(2, MemberRole.ADMIN)))));
        assertThat(robot.lookup("#group-title").queryAs(Label.class).getText()).isEqualTo("新群名");
        assertThat(robot.lookup("#group-member-count").queryAs(Label.class).getText())
                .isEqualTo("2 位成员");

        robot.clickOn("#group-leave");
        assertThat(robot.lookup("#dialog-message").queryAs(Label.class).getText())
                .contains("李娜 将成为群主");
        robot.clickOn("退出");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.calls).containsExactly("leave");
        assertThat(closed).isTrue();
        assertThat(port.watches).as("the closed panel watches nobody").isEmpty();
    }
}
