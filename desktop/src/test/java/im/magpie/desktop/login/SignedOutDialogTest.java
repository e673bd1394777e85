package im.magpie.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import im.magpie.desktop.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
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
        assertThat(text(pane, "#dialog-title")).isEqualTo("本设备的数据已被清除");
        assertThat(text(pane, "#dialog-message")).contains("本地消息、已下载的文件和设备密钥均已删除");
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
        assertThat(text(pane, "#dialog-title")).isEqualTo("Signed out");
        assertThat(text(pane, "#dialog-message")).startsWith("This device was signed out by the server");
        robot.clickOn("Sign in again");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backToLogin).hasValue(1);
    }

    @Test
    void looksLikeTheAppInBothThemesAndLanguagesWithNothingCutOff(FxRobot robot) {
        try {
            for (boolean dark : List.of(false, true)) {
                for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    Texts texts = new Texts(locale);
                    robot.interact(() -> {
                        Application.setUserAgentStylesheet(
                                dark
                                        ? new PrimerDark().getUserAgentStylesheet()
                                        : new PrimerLight().getUserAgentStylesheet());
                        SignedOutDialog.deviceWiped(owner(), texts, backToLogin::incrementAndGet)
                                .show();
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    DialogPane pane = robot.lookup("#signed-out").queryAs(DialogPane.class);
                    String where = (dark ? "dark, " : "light, ") + locale;

                    robot.interact(() -> {
                        // no stock header bar and bitmap icon: an Ikonli icon and the app's title and message
                        assertThat(pane.getHeaderText()).as(where).isNull();
                        assertThat(pane.getHeader()).as(where).isNull();
                        assertThat(pane.getGraphic().lookup(".ikonli-font-icon"))
                                .as(where)
                                .isInstanceOf(FontIcon.class);
                        // desktop.css applies: the title's size, the accent button that Enter presses
                        Label title = (Label) pane.lookup("#dialog-title");
                        Label message = (Label) pane.lookup("#dialog-message");
                        assertThat(title.getFont().getSize()).as(where).isEqualTo(16);
                        Button button =
                                (Button) pane.lookupButton(pane.getButtonTypes().get(0));
                        assertThat(button.getStyleClass()).as(where).contains(Styles.ACCENT);
                        assertThat(button.isDefaultButton()).as(where).isTrue();
                        // the theme's colours: a dark pane with light text in the dark theme, the other way round
                        Color background =
                                (Color) pane.getBackground().getFills().get(0).getFill();
                        Color ink = (Color) title.getTextFill();
                        assertThat(background.getBrightness() < 0.3).as(where).isEqualTo(dark);
                        assertThat(ink.getBrightness() > 0.7).as(where).isEqualTo(dark);
                        // nothing cut off: the words drawn are the words given, the button's too
                        for (javafx.scene.control.Labeled l : List.of(title, message, button)) {
                            assertThat(drawn(l))
                                    .as("%s: drawn whole (%s)", l.getText(), where)
                                    .isEqualTo(l.getText());
                        }
                        assertThat(message.getHeight())
                                .as(where)
                                .isGreaterThanOrEqualTo(message.prefHeight(message.getWidth()) - 0.5);
                    });

                    robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        }
    }

    private static String text(DialogPane pane, String id) {
        return ((Label) java.util.Objects.requireNonNull(pane.lookup(id))).getText();
    }

    /** The text a label's skin draws: its text, or a shortened one ending in "…" when it does not fit. */
    private static String drawn(javafx.scene.control.Labeled l) {
        StringBuilder out = new StringBuilder();
        for (javafx.scene.Node n : l.lookupAll(".text")) {
            if (n instanceof Text t && t.getParent() == l) {
                out.append(t.getText());
            }
        }
        return out.toString();
    }
}
