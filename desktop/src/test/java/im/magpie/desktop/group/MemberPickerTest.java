package im.magpie.desktop.group;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.contacts.Contact;
import im.magpie.desktop.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.Background;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The member picker headless (Monocle): search, tick, chips, default name, create. */
@ExtendWith(ApplicationExtension.class)
class MemberPickerTest {
    final FakeGroupPort port = new FakeGroupPort(1);
    final List<Long> created = new ArrayList<>();
    final Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
    final MemberPickerViewModel vm = MemberPickerViewModel.newGroup(port, texts, Runnable::run, created::add);

    @Start
    void start(Stage stage) {
        show(stage, port, vm, texts);
    }

    /** The user 张伟 and three colleagues in {@code port}; the picker over {@code vm} shown in {@code stage}. */
    static void show(Stage stage, FakeGroupPort port, MemberPickerViewModel vm, Texts texts) {
        port.people.addAll(List.of(
                new Contact(1, "zhangwei", "张伟", ""),
                new Contact(2, "lina", "李娜", ""),
                new Contact(3, "wangfang", "王芳", ""),
                new Contact(4, "chenjie", "陈杰", "")));
        MemberPicker view = new MemberPicker(vm, texts);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(view.root(), MemberPicker.WIDTH, MemberPicker.HEIGHT));
        stage.show();
        vm.start();
    }

    @Test
    void tickingColleaguesMakesChipsAndCreateUsesTheDefaultName(FxRobot robot) {
        Button create = robot.lookup("#picker-confirm").queryButton();
        assertThat(create.isDisabled()).isTrue();
        assertThat(vm.results()).hasSize(3);

        robot.clickOn("李娜");
        robot.clickOn("#picker-search").write("王");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.results()).hasSize(1);
        robot.clickOn("#candidate-wangfang");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#picker-chips").queryAs(FlowPane.class).getChildren())
                .hasSize(2);
        assertThat(robot.lookup("#picker-count").queryAs(Label.class).getText()).isEqualTo("已选择 2 人");
        assertThat(robot.lookup("#picker-name").queryAs(TextField.class).getPromptText())
                .isEqualTo("张伟、李娜、王芳");
        assertThat(create.isDisabled()).isFalse();

        robot.clickOn(create);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.calls).containsExactly("create 张伟、李娜、王芳 [lina, wangfang]");
        assertThat(created).hasSize(1);
    }

    @Test
    void theBlankRowsBelowTheLastResultStayBlankUnderTheMouse(FxRobot robot) {
        ListCell<?> blank = robot.lookup("#picker-results .list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n)
                .filter(ListCell::isEmpty)
                .findFirst()
                .orElseThrow();
        robot.moveTo(blank);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(blank::applyCss);

        assertThat(blank.isHover()).isTrue();
        Background background = blank.getBackground();
        assertThat(background == null
                        || background.getFills().stream().allMatch(f -> Color.TRANSPARENT.equals(f.getFill())))
                .as("background of a blank row: %s", background == null ? null : background.getFills())
                .isTrue();

        robot.moveTo("李娜"); // a result still shows the hover
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> lina = (ListCell<?>) robot.lookup("#candidate-lina").query();
        robot.interact(lina::applyCss);
        assertThat(lina.getBackground().getFills()).anyMatch(f -> !Color.TRANSPARENT.equals(f.getFill()));
    }

    @Test
    void aChipsCrossUnticksThePerson(FxRobot robot) {
        robot.clickOn("李娜");
        robot.clickOn("陈杰");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".chip-remove").queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.picked()).extracting(Contact::account).containsExactly("chenjie");
        assertThat(robot.lookup("#picker-chips").queryAs(FlowPane.class).getChildren())
                .hasSize(1);
    }
}
