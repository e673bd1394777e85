package im.magpie.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "signed out" dialog of a remote wipe and of an ended session, headless: its words and its one button. */
@ExtendWith(ApplicationExtension.class)
class SignedOutDialogTest {
    final AtomicInteger backToLogin = new AtomicInteger();

    @org.jspecify.annotations.Nullable
    Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 600, 400));
        stage.show();
        this.stage = stage;
    }

    Stage owner() {
        return java.util.Objects.requireNonNull(stage);
    }

    @Test
    void aRemoteWipeSaysWhatWasDeletedAndSignInAgainLeadsBackToTheLogin(FxRobot robot) {
        Texts zh = new Texts(Locale.SIMPLIFIED_CHINESE);
        robot.interact(() -> SignedOutDialog.deviceWiped(owner(), zh, backToLogin::incrementAndGet)
                .show());

        DialogPane pane = robot.lookup("#signed-out").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("本设备的数据已被清除");
        assertThat(pane.getContentText()).contains("本地消息、已下载的文件和设备密钥均已删除");
        assertThat(((Stage) pane.getScene().getWindow()).getTitle()).isEqualTo("本设备的数据已被清除");
        assertThat(((Stage) pane.getScene().getWindow()).getOwner()).isSameAs(owner());
        List<Button> buttons = robot.from(pane).lookup(".button").queryAllAs(Button.class).stream()
                .filter(Button::isVisible)
                .toList();
        assertThat(buttons).extracting(Button::getText).containsExactly("重新登录");
        assertThat(backToLogin).hasValue(0);

        robot.clickOn("重新登录");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(backToLogin).hasValue(1);
        assertThat(Window.getWindows()).noneMatch(w -> w.getScene().lookup("#signed-out") != null);
    }

    @Test
    void anEndedSessionShowsTheReasonInEnglish(FxRobot robot) {
        Texts en = new Texts(Locale.ENGLISH);
        robot.interact(
                () -> SignedOutDialog.sessionEnded(owner(), en, en.get("session.ended"), backToLogin::incrementAndGet)
                        .show());

        DialogPane pane = robot.lookup("#signed-out").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Signed out");
        assertThat(pane.getContentText()).startsWith("This device was signed out by the server");
        robot.clickOn("Sign in again");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backToLogin).hasValue(1);
    }
}
