package im.magpie.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings section headless: switches write the preferences, the signature is saved, log out, dark theme. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    final FakeSettingsPort port = new FakeSettingsPort();
    final AtomicInteger signedOut = new AtomicInteger();
    final Path dir;
    final Preferences prefs;

    SettingsViewTest(@TempDir Path dir) {
        this.dir = dir;
        prefs = Preferences.load(dir, Path.of("/home/zhang"));
    }

    @Start
    void start(Stage stage) {
        Texts texts = new Texts(Locale.SIMPLIFIED_CHINESE);
        SettingsViewModel vm = new SettingsViewModel(port, prefs, texts, Runnable::run, signedOut::incrementAndGet);
        SettingsView view = new SettingsView(vm, texts);
        Themes.apply(Theme.LIGHT);
        Scene scene = new Scene(view.root(), 1112, 760);
        scene.getStylesheets()
                .add(Objects.requireNonNull(SettingsView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @AfterEach
    void lightAgain() {
        Themes.apply(Theme.LIGHT);
    }

    @Test
    void switchesAndChoicesWriteThePreferences(FxRobot robot) {
        assertThat(robot.lookup("#settings-name").queryAs(Label.class).getText())
                .isEqualTo("张伟");
        robot.clickOn("#auto-receive-switch");
        assertThat(prefs.autoReceiveProperty().get()).isTrue();
        robot.clickOn("#notifications-switch");
        assertThat(prefs.notificationsProperty().get()).isFalse();
        assertThat(robot.lookup("#sound-switch").queryAs(ToggleSwitch.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#download-dir").queryAs(Label.class).getText())
                .isEqualTo(Path.of("/home/zhang/Downloads/Magpie").toString());

        @SuppressWarnings("unchecked")
        ComboBox<Theme> theme = robot.lookup("#theme").queryAs(ComboBox.class);
        robot.interact(() -> theme.setValue(Theme.DARK));
        assertThat(prefs.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(Preferences.load(dir, Path.of("/home/zhang")).themeProperty().get())
                .isEqualTo(Theme.DARK);
    }

    @Test
    void savesTheSignatureAndLogsOut(FxRobot robot) {
        robot.interact(() -> robot.lookup("#signature")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        robot.clickOn("#signature").write("出差中");
        robot.clickOn("#save-signature");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(port.signatures).containsExactly("出差中");
        assertThat(robot.lookup("#signature-status").queryAs(Label.class).getText())
                .isEqualTo("已保存");

        robot.interact(() -> robot.lookup("#logout").queryButton().fire());
        assertThat(port.logouts).isEqualTo(1);
        assertThat(signedOut).hasValue(1);
    }

    /** In English the hints of "Log out" and "Remove local data" wrap beside their buttons; the buttons keep their text. */
    @Test
    void theLogOutAndRemoveButtonsAreNotClippedInEnglish(FxRobot robot) {
        Texts english = new Texts(Locale.ENGLISH);
        SettingsViewModel vm = new SettingsViewModel(port, prefs, english, Runnable::run, signedOut::incrementAndGet);
        SettingsView view = new SettingsView(vm, english);
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 940, 1000);
            scene.getStylesheets()
                    .add(Objects.requireNonNull(SettingsView.class.getResource("/im/magpie/desktop/desktop.css"))
                            .toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : new String[] {"#remove-data", "#logout"}) {
            javafx.scene.control.Button button =
                    robot.from(view.root()).lookup(id).queryAs(javafx.scene.control.Button.class);
            assertThat(button.getWidth())
                    .as("%s \"%s\" is drawn whole", id, button.getText())
                    .isGreaterThanOrEqualTo(button.prefWidth(-1));
        }
        robot.interact(() -> view.root().getScene().getWindow().hide());
    }
}
