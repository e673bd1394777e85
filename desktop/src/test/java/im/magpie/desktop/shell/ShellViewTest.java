package im.magpie.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.i18n.Texts;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The rail headless: switching sections, the unread total, the file transfer entry. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    final ObservableList<ConversationRow> rows = FXCollections.observableArrayList();
    final LongProperty selected = new SimpleLongProperty(0);
    final AtomicInteger selfOpened = new AtomicInteger();
    final AtomicInteger settingsBuilt = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Label chats = new Label("chats");
        chats.setId("chats-pane");
        ShellViewModel vm = new ShellViewModel(rows, selected, selfOpened::incrementAndGet);
        ShellView view = new ShellView(vm, new Texts(Locale.SIMPLIFIED_CHINESE));
        view.addSection(
                ShellViewModel.CONVERSATIONS,
                Feather.MESSAGE_SQUARE,
                "rail.conversations",
                () -> chats,
                ShellView.Placement.TOP);
        view.addAction(
                ShellViewModel.FILE_TRANSFER,
                Feather.MONITOR,
                "rail.fileTransfer",
                vm::openFileTransfer,
                ShellView.Placement.TOP);
        view.addSection(
                ShellViewModel.SETTINGS,
                Feather.SETTINGS,
                "rail.settings",
                () -> {
                    settingsBuilt.incrementAndGet();
                    Label settings = new Label("settings");
                    settings.setId("settings-pane");
                    return settings;
                },
                ShellView.Placement.BOTTOM);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(view.root(), 800, 600);
        scene.getStylesheets()
                .add(Objects.requireNonNull(ShellView.class.getResource("/im/magpie/desktop/desktop.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void switchesSectionsBuildsEachWhenFirstShownAndMarksTheActiveEntry(FxRobot robot) {
        Node chats = robot.lookup("#chats-pane").query();
        assertThat(chats.isVisible()).isTrue();
        assertThat(robot.lookup("#settings-pane").tryQuery()).isEmpty();
        assertThat(settingsBuilt).hasValue(0);
        assertThat(robot.lookup("#rail-conversations").query().getStyleClass()).contains("active");

        robot.clickOn("设置");

        Node settings = robot.lookup("#settings-pane").query();
        assertThat(settings.isVisible()).isTrue();
        assertThat(chats.isVisible()).isFalse();
        assertThat(robot.lookup("#rail-settings").query().getStyleClass()).contains("active");
        assertThat(robot.lookup("#rail-conversations").query().getStyleClass()).doesNotContain("active");

        robot.clickOn("消息");
        robot.clickOn("设置");

        assertThat(robot.lookup("#settings-pane").queryAll()).containsExactly(settings);
        assertThat(settingsBuilt).hasValue(1);
    }

    @Test
    void showsTheUnreadTotalOnTheChatsEntry(FxRobot robot) {
        Node badge = robot.lookup("#unread-total").query();
        assertThat(badge.isVisible()).isFalse();

        robot.interact(() -> rows.setAll(
                new ConversationRow(1, 1, ConversationKind.DIRECT, "李娜", "", "", "", 0, 4, 0, 0, 2),
                new ConversationRow(2, 2, ConversationKind.GROUP, "研发", "", "", "", 0, 3, 0, 0, 5)));

        assertThat(badge.isVisible()).isTrue();
        assertThat(((Label) badge).getText()).isEqualTo("7");
    }

    @Test
    void theFileTransferEntryOpensTheSelfConversation(FxRobot robot) {
        robot.clickOn("设置");
        robot.clickOn("文件助手");

        assertThat(selfOpened).hasValue(1);
        assertThat(robot.lookup("#chats-pane").query().isVisible()).isTrue();
    }
}
