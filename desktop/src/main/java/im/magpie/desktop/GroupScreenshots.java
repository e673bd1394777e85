package im.magpie.desktop;

import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.group.MemberPickerViewModel;
import im.magpie.desktop.group.PersonCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group screens for the screenshot command: the group info panel beside the open group chat, a member's hover
 * card, and the member picker of "new group" with three colleagues ticked (cancelled after the shot).
 */
final class GroupScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(GroupScreenshots.class);
    static final int PICKED = 3;

    private final DesktopApp app;
    private final Stage stage;
    private @Nullable Stage picker;

    GroupScreenshots(DesktopApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    /** Shows the group info panel of the open group chat. */
    void openPanel() {
        if (stage.getScene().lookup("#group-info") instanceof Button b
                && stage.getScene().lookup("#group-panel") == null) {
            b.fire();
        }
    }

    void closePanel() {
        if (stage.getScene().lookup("#group-close") instanceof Button b) {
            b.fire();
        }
    }

    /** The hover card of the second member in the panel (the first is usually the owner: the user). */
    void showCard() {
        GroupComponents groups = app.groups();
        List<Node> avatars = List.copyOf(stage.getScene().getRoot().lookupAll("#group-members .avatar"));
        if (groups == null || avatars.isEmpty()) {
            LOG.warn("screenshots: no group panel to hover over");
            return;
        }
        Node target = avatars.get(Math.min(1, avatars.size() - 1));
        // the card is installed on the avatar with its presence dot, around the drawn square
        Node n = target;
        while (n != null && !(n.getProperties().get(PersonCard.class) instanceof Long)) {
            n = n.getParent();
        }
        if (n != null && n.getProperties().get(PersonCard.class) instanceof Long id) {
            groups.card().showNow(n, id);
        }
    }

    void hideCard() {
        GroupComponents groups = app.groups();
        if (groups != null) {
            groups.card().hide();
        }
    }

    /** Opens the member picker of "new group" and ticks the first colleagues. */
    void openPicker(@Nullable MainViewModel main) {
        GroupComponents groups = app.groups();
        if (groups == null || main == null) {
            return;
        }
        MemberPickerViewModel vm = groups.newGroup(stage, main);
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(600));
        later.setOnFinished(e -> vm.results().stream().limit(PICKED).toList().forEach(vm::toggle));
        later.play();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && s != stage && s.getScene().lookup("#picker-results") != null) {
                picker = s;
            }
        }
    }

    void shootPicker(Path file) {
        Stage s = picker;
        if (s == null) {
            return;
        }
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(s.getScene().snapshot(null), null), "png", file.toFile());
            LOG.info("wrote {}", file);
        } catch (IOException e) {
            LOG.error("cannot write {}", file, e);
        }
    }

    void closePicker() {
        Stage s = picker;
        if (s != null) {
            s.close();
        }
        picker = null;
    }
}
