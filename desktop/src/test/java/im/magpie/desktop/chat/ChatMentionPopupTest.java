package im.magpie.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.i18n.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The {@literal @}mention list of a group composer opens on a lone "@", headless (Monocle): typed, put in by a program
 * (the screenshot command), and typed before the group's members were read (they come from the store off the FX
 * thread, as in the app).
 */
@ExtendWith(ApplicationExtension.class)
class ChatMentionPopupTest {
    static final long ME = 1;
    static final long CONV = 31;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /** The font the test gives the chat's window, as the app's language font would. */
    static final String APP_FONT = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(".root { -fx-font-size: 17px; }".getBytes(StandardCharsets.UTF_8));

    final FakeChatPort port = new FakeChatPort(ME);
    final CompletableFuture<Void> membersRead = new CompletableFuture<>();

    @SuppressWarnings("NullAway.Init") // set by start()
    Scene scene;

    @Start
    void start(Stage stage) {
        port.members.addAll(List.of(
                new Member(ME, "张伟", "zhangwei"),
                new Member(2, "李娜", "lina"),
                new Member(3, "王芳", "wangfang"),
                new Member(4, "陈杰", "chenjie")));
        port.messages.put(CONV, List.of(FakeChatPort.text(CONV, 1, 2, NOW.toEpochMilli(), "大家好")));
        port.membersLater = membersRead;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);
        ConversationRow row =
                new ConversationRow(CONV, CONV, ConversationKind.GROUP, "产品研发组", "产", "", "", 0, 0, 1, 1, 4);
        ChatViewModel vm = new ChatViewModel(row, port, words, clock, Platform::runLater, new FakeReceiveSettings());
        ChatView view = new ChatView(vm, new Region(), url -> {}, new EmojiRecents());
        scene = SceneFixture.show(stage, view.root(), 820, 600);
        vm.start();
    }

    @Test
    void aLoneAtListsEveryOtherMember(FxRobot robot) {
        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#input").write("@");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    @Test
    void anAtPutInByTheScreenshotCommandOpensTheList(FxRobot robot) {
        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            TextArea input = robot.lookup("#input").queryAs(TextArea.class);
            input.requestFocus();
            input.setText("@");
            input.positionCaret(1);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    @Test
    void anAtTypedBeforeTheMembersWereReadOpensTheListWhenTheyAre(FxRobot robot) {
        robot.clickOn("#input").write("@");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mention-list").tryQuery()).isEmpty();

        membersRead.complete(null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
    }

    @Test
    void theListIsDrawnWithTheChatsStylesheetsInTheLightAndTheDarkTheme(FxRobot robot) {
        membersRead.complete(null);
        // the app's font for the language, as UiFonts adds it to the window's scene
        robot.interact(() -> scene.getStylesheets().add(APP_FONT));
        try {
            for (String theme :
                    List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
                robot.interact(() -> Application.setUserAgentStylesheet(theme));
                robot.interact(() -> {
                    TextArea input = robot.lookup("#input").queryAs(TextArea.class);
                    input.requestFocus();
                    input.setText("@");
                    input.positionCaret(1);
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");

                Paint[] fills = new Paint[3]; // the account's, desktop.css's muted one, a plain label's
                double[] sizes = new double[2]; // the account's and the name's
                robot.interact(() -> {
                    Label account = robot.lookup(".mention-account").queryAs(Label.class);
                    fills[0] = account.getTextFill();
                    fills[1] = styled("mention-account");
                    fills[2] = styled("label");
                    sizes[0] = account.getFont().getSize();
                    sizes[1] = robot.lookup(".mention-name")
                            .queryAs(Label.class)
                            .getFont()
                            .getSize();
                });
                assertThat(fills[1]).as("desktop.css draws accounts muted").isNotEqualTo(fills[2]);
                assertThat(fills[0])
                        .as("the account in the theme's muted colour (%s)", theme)
                        .isEqualTo(fills[1]);
                assertThat(sizes[0]).as("the account's size from desktop.css").isEqualTo(11);
                assertThat(sizes[1])
                        .as("the name in the app's font (%s)", theme)
                        .isEqualTo(17);

                robot.interact(
                        () -> robot.lookup("#input").queryAs(TextArea.class).setText(""));
                WaitForAsyncUtils.waitForFxEvents();
            }
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        }
    }

    /**
     * The text colour of a label with {@code styleClass} in a scene with the chat's stylesheets, in the theme now (FX
     * thread).
     */
    private Paint styled(String styleClass) {
        Label probe = new Label("x");
        probe.getStyleClass().add(styleClass);
        Scene probeScene = new Scene(new StackPane(probe));
        probeScene.getStylesheets().setAll(scene.getStylesheets());
        probe.applyCss();
        return probe.getTextFill();
    }

    @Test
    void membersThatCouldNotBeReadAreSaidAndAnAtTypedLaterReadsThemAgain(FxRobot robot) {
        robot.interact(() -> membersRead.completeExceptionally(new IllegalStateException("the store is closed")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".chat-notice").queryAs(Label.class).getText())
                .isEqualTo("群成员加载失败，暂时无法 @ 成员。输入 @ 可重试。");

        port.membersLater = null; // the store answers again
        robot.clickOn("#input").write("@");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(names(robot)).containsExactly("李娜", "王芳", "陈杰");
        assertThat(robot.lookup(".chat-notice").queryAs(Label.class).getText()).isEmpty();
    }

    /** The names the shown @mention list offers; fails when no list is shown. */
    private static List<String> names(FxRobot robot) {
        ListView<?> list = robot.lookup("#mention-list").queryAs(ListView.class);
        assertThat(list.getScene().getWindow().isShowing())
                .as("the @mention list is shown")
                .isTrue();
        return list.getItems().stream().map(m -> ((Member) m).name()).toList();
    }
}
