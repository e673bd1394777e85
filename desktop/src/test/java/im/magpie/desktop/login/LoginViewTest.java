package im.magpie.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.i18n.Texts;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The login window headless (Monocle): typing, the error text, and the first-contact fingerprint question. */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    final FakeLoginPort port = new FakeLoginPort();

    @Start
    void start(Stage stage) {
        port.account = "";
        LoginViewModel vm = new LoginViewModel(port, new Texts(Locale.SIMPLIFIED_CHINESE), Runnable::run);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new LoginView(vm, new Texts(Locale.SIMPLIFIED_CHINESE)).root(), 460, 680);
        scene.getStylesheets()
                .add(Objects.requireNonNull(LoginView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typesCredentialsAndShowsATranslatedError(FxRobot robot) {
        assertThat(robot.lookup("#login").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#account").write("zhangwei");
        robot.clickOn("#password").write("wrong-password");
        assertThat(robot.lookup("#login").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#login");
        assertThat(port.lastAccount).isEqualTo("zhangwei");
        assertThat(port.lastPassword).isEqualTo("wrong-password");
        robot.interact(() -> port.fail(LoginFailure.WRONG_PASSWORD));

        Label error = robot.lookup("#error").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("账号或密码错误。");
        assertThat(error.isVisible()).isTrue();
    }

    /** A first run remembers nothing yet: typing an account does not claim "本机已记住您的账号。". */
    @Test
    void aFirstRunDoesNotSayTheAccountIsRemembered(FxRobot robot) {
        robot.clickOn("#account").write("zhangwei");
        assertThat(robot.lookup(".hint-text").queryAllAs(Label.class))
                .filteredOn(l -> l.getText().equals("本机已记住您的账号。"))
                .singleElement()
                .satisfies(l -> assertThat(l.isVisible()).isFalse());
    }

    @Test
    void asksToTrustTheFingerprintOnFirstContact(FxRobot robot) {
        robot.clickOn("#account").write("zhangwei");
        robot.clickOn("#password").write("pw");
        robot.clickOn("#login");
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        robot.interact(
                () -> port.lastQuestion.ask("127.0.0.1:7080", "ab".repeat(32)).thenAccept(answer::complete));

        assertThat(robot.lookup(".fingerprint-line").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly(
                        "ABAB ABAB ABAB ABAB", "ABAB ABAB ABAB ABAB", "ABAB ABAB ABAB ABAB", "ABAB ABAB ABAB ABAB");
        assertThat(robot.lookup("#trust").query().isVisible()).isTrue();
        robot.clickOn("#trust");

        assertThat(answer).isCompletedWithValue(true);
        assertThat(robot.lookup("#login").query().isVisible()).isTrue();
    }
}
