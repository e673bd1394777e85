package im.magpie.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.SettingsTable;
import im.magpie.client.store.SystemMachineIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application's start paths, headless: a stored session opens straight into the main window (no login window
 * is built), a store that cannot be opened is explained in a dialog before the login window, and a data directory
 * without a session shows the login window. The stored session is made offline (its server address answers nothing),
 * so the app keeps trying to connect while the test looks.
 */
class DesktopAppStartTest {
    static final String SERVER = "127.0.0.1:1";
    static final String ACCOUNT = "zhangwei";
    static final long WAIT_S = 30;

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final List<Parent> roots = new CopyOnWriteArrayList<>();

    @Nullable
    Application app;

    @Nullable
    Stage stage;

    @BeforeEach
    void stage() throws Exception {
        Stage s = FxToolkit.registerPrimaryStage();
        stage = s;
        FxToolkit.setupFixture(() -> s.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                roots.add(now.getRoot());
            }
        }));
    }

    @AfterEach
    void stop() throws Exception {
        Application a = app;
        if (a != null) {
            FxToolkit.cleanupApplication(a);
        }
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        FxToolkit.cleanupStages();
    }

    void launch() throws Exception {
        launch("en");
    }

    void launch(String lang) throws Exception {
        app = FxToolkit.setupApplication(DesktopApp.class, "--data-dir", dir.toString(), "--lang", lang);
    }

    Stage primary() {
        return java.util.Objects.requireNonNull(stage);
    }

    /** client.json naming the server and the account, as a login leaves it. */
    void remember() throws Exception {
        Files.writeString(
                dir.resolve("client.json"),
                "{\"server\":\"" + SERVER + "\",\"account\":\"" + ACCOUNT + "\",\"fingerprint\":\"" + "ab".repeat(32)
                        + "\"}",
                StandardCharsets.UTF_8);
    }

    Path database() {
        return dir.resolve(SERVER.replace(':', '_')).resolve(ACCOUNT + ".db");
    }

    @Test
    void aStoredSessionOpensStraightIntoTheMainWindow() throws Exception {
        remember();
        Files.createDirectories(database().getParent());
        LocalStore store =
                LocalStore.open(database(), new DeviceKeyProtector(new SystemMachineIdentity(), new SecureRandom()));
        try {
            store.settings().put(SettingsTable.SESSION_TOKEN, "stored-token");
            store.settings().put(SettingsTable.USER_ID, "7");
            store.settings().put(SettingsTable.ACCOUNT, ACCOUNT);
            store.settings().put(SettingsTable.DEVICE_ID, "device-1");
        } finally {
            store.close();
        }

        launch();
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> primary().isShowing());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(roots)
                .singleElement()
                .satisfies(root -> assertThat(root.getStyleClass()).contains("shell"));
        assertThat(robot.lookup(".login-pane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#rail-conversations").tryQuery()).isPresent();
        // contacts and settings are built when first shown, not at launch
        assertThat(robot.lookup("#contacts").tryQuery()).isEmpty();
        assertThat(robot.lookup(".settings-pane").tryQuery()).isEmpty();
    }

    @Test
    void aStoreThatCannotBeOpenedIsExplainedThenTheLoginWindowShows() throws Exception {
        remember();
        Files.createDirectories(database().getParent());
        Files.write(database(), "not an encrypted database".repeat(100).getBytes(StandardCharsets.UTF_8));

        launch();
        WaitForAsyncUtils.waitFor(
                WAIT_S,
                TimeUnit.SECONDS,
                () -> robot.lookup("#start-failed").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup("#start-failed").queryAs(DialogPane.class);
        assertThat(((Label) pane.lookup("#dialog-title")).getText()).isEqualTo("Cannot open local data");
        assertThat(((Label) pane.lookup("#dialog-message")).getText())
                .startsWith("Magpie could not open the messages stored on this computer (");
        assertThat(primary().isShowing()).isFalse();
        assertThat(roots).noneMatch(root -> root.getStyleClass().contains("shell"));

        List<Button> buttons = robot.from(pane).lookup(".button").queryAllAs(Button.class).stream()
                .filter(Button::isVisible)
                .toList();
        assertThat(buttons).extracting(Button::getText).containsExactly("OK");
        robot.clickOn(buttons.get(0));
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> primary().isShowing());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(roots)
                .last()
                .satisfies(root -> assertThat(root.getStyleClass()).contains("login-pane"));
        assertThat(robot.lookup("#error").queryAs(Label.class).getText())
                .startsWith("The messages stored on this computer could not be opened.");
    }

    @Test
    void withoutAStoredSessionTheLoginWindowShows() throws Exception {
        launch();
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> primary().isShowing());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(roots)
                .singleElement()
                .satisfies(root -> assertThat(root.getStyleClass()).contains("login-pane"));
        assertThat(robot.lookup("#error").queryAs(Label.class).getText()).isEmpty();
    }

    /**
     * JavaFX's fallback for Chinese glyphs has no bold face: in zh-CN the windows use the platform's Chinese family
     * (here Noto Sans CJK SC, installed by .ci/desktop-deps), so the heading "登录鹊桥" is drawn from its bold face.
     */
    @Test
    void aChineseWindowDrawsBoldHeadingsFromABoldChineseFace() throws Exception {
        String family = "Noto Sans CJK SC";
        Assumptions.assumeTrue(Font.getFamilies().contains(family), family + " is not installed (.ci/desktop-deps)");
        launch("zh-CN");
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> primary().isShowing());
        WaitForAsyncUtils.waitForFxEvents();

        Label title = robot.lookup(".login-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("登录鹊桥");
        assertThat(title.getFont().getFamily()).isEqualTo(family);
        assertThat(title.getFont().getName()).isEqualTo(family + " Bold");
        assertThat(robot.lookup(".field-label").queryAs(Label.class).getFont().getName())
                .isEqualTo(family + " Bold");
        assertThat(robot.lookup(".login-tagline").queryAs(Label.class).getFont().getFamily())
                .isEqualTo(family);
    }
}
