package im.magpie.desktop.chat;

import im.magpie.desktop.SceneFixture;
import im.magpie.desktop.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;

/**
 * The main window of the headless main-view tests: a {@link FakeChatPort} for 张伟 (me) who chats with 李娜, Chinese
 * texts at a fixed time, the Primer light theme with desktop.css; and the lookups those tests share.
 */
final class MainViewFixture {
    static final long ME = 1;
    static final long LINA = 2;
    static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

    final FakeChatPort port = new FakeChatPort(ME);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MessageTexts words = new MessageTexts(new Texts(Locale.SIMPLIFIED_CHINESE), clock);

    MainViewFixture() {
        port.names.put(ME, "张伟");
        port.names.put(LINA, "李娜");
    }

    /** The fixed "now" in milliseconds. */
    long now() {
        return NOW.toEpochMilli();
    }

    /** The shown main window's view-model (set by {@link #show}). */
    @org.jspecify.annotations.Nullable
    MainViewModel vm;

    /** Shows the main window over what {@link #port} holds, 1180 × 760, and starts its view-model. */
    MainView show(Stage stage) {
        vm = new MainViewModel(port, words, Runnable::run);
        MainView view = new MainView(vm, port, words, clock, Runnable::run, url -> {}, new FakeReceiveSettings());
        SceneFixture.show(stage, view.root(), 1180, 760);
        vm.start();
        return view;
    }

    @SuppressWarnings("unchecked")
    static ListView<ConversationRow> list(FxRobot robot) {
        return robot.lookup("#conversations").queryAs(ListView.class);
    }

    static ListCell<?> cell(FxRobot robot, String name) {
        return robot.lookup("#conversations .list-cell")
                .match((Node n) -> n instanceof ListCell<?> c
                        && c.getItem() instanceof ConversationRow r
                        && r.name().equals(name))
                .queryAs(ListCell.class);
    }

    static Label badge(FxRobot robot, String name) {
        return robot.from(cell(robot, name)).lookup(".badge").queryAs(Label.class);
    }

    static FontIcon mutedIcon(FxRobot robot, String name) {
        return robot.from(cell(robot, name)).lookup(".conv-muted").queryAs(FontIcon.class);
    }

    /** Opens the context menu of the conversation row {@code name}. */
    static void openMenu(FxRobot robot, String name) {
        SceneFixture.openMenu(robot, cell(robot, name));
    }

    static java.util.function.Predicate<Node> labelled(String text) {
        return n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible();
    }

    /** Writes a PNG of one node (a popup, a dialog) to target/ui-snapshots/ for a human to look at. */
    static void snapshotOf(FxRobot robot, Node node, String name) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(node.snapshot(null, null), null),
                        "png",
                        dir.resolve(name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Writes a PNG of the whole window to target/ui-snapshots/. */
    static void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "ui-snapshots");
        Files.createDirectories(dir);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        javafx.embed.swing.SwingFXUtils.fromFXImage(
                                robot.targetWindow().getScene().snapshot(null), null),
                        "png",
                        dir.resolve(name + ".png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
