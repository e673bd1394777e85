package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The member picker as "new chat" headless (Monocle): one colleague opens the chat, several make a group. */
@ExtendWith(ApplicationExtension.class)
class StartChatPickerTest {
    final FakeGroupPort port = new FakeGroupPort(1);
    final List<Long> opened = new ArrayList<>();
    final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    final MemberPickerViewModel vm = MemberPickerViewModel.startChat(port, texts, Runnable::run, opened::add);

    @Start
    void start(Stage stage) {
        MemberPickerTest.show(stage, port, vm, texts);
    }

    @Test
    void aDoubleClickOnAColleagueOpensTheChatWithThem(FxRobot robot) {
        assertThat(robot.lookup("#picker-name").query().isVisible())
                .as("no group, no name")
                .isFalse();

        robot.doubleClickOn("#candidate-lina", MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(port.calls).containsExactly("open lina");
        assertThat(opened).containsExactly(1002L);
        assertThat(vm.finishedProperty().get()).isTrue();
    }

    @Test
    void twoColleaguesAskForAGroupNameAndCreateTheGroup(FxRobot robot) {
        Button confirm = robot.lookup("#picker-confirm").queryButton();
        robot.clickOn("#candidate-lina");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.getText()).isEqualTo("开始聊天");

        robot.clickOn("#candidate-wangfang");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.getText()).isEqualTo("创建群聊");
        assertThat(robot.lookup("#picker-name").query().isVisible()).isTrue();

        robot.clickOn(confirm);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.calls).containsExactly("create 张伟、李娜、王芳 [lina, wangfang]");
        assertThat(opened).hasSize(1);
    }
}
