package im.magpie.desktop;

import im.magpie.desktop.chat.ChatViewModel;
import im.magpie.desktop.chat.MessageItem;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's states for the screenshot command: the emoji picker open, a picture in the viewer, selection mode with
 * three messages ticked, a file upload in progress (a real upload of a large sparse file to the file transfer
 * assistant, cancelled after the shot).
 */
final class ChatScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(ChatScreenshots.class);
    static final long UPLOAD_BYTES = 400L * 1024 * 1024;
    /** Messages ticked in the "select" shot. */
    static final int SELECTED = 3;

    private final Stage stage;
    private @Nullable Path bigFile;

    ChatScreenshots(Stage stage) {
        this.stage = stage;
    }

    /** The window with the popups it owns (the emoji picker) drawn over it. */
    static BufferedImage withPopups(Stage stage) {
        Scene scene = stage.getScene();
        BufferedImage out = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        Graphics2D g = out.createGraphics();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof PopupWindow p && p.isShowing() && p.getOwnerWindow() == stage) {
                // the popup's own content with its shadow, on transparent ground (not the popup scene's fill)
                javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
                clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
                Node root = p.getScene().getRoot();
                BufferedImage popup = SwingFXUtils.fromFXImage(root.snapshot(clear, null), null);
                javafx.geometry.Bounds at = root.localToScreen(root.getBoundsInLocal());
                int x = (int) Math.round(at.getMinX() - stage.getX() - scene.getX());
                int y = (int) Math.round(at.getMinY() - stage.getY() - scene.getY());
                g.drawImage(popup, x, y, null);
            }
        }
        g.dispose();
        return out;
    }

    void openEmojiPicker() {
        if (stage.getScene().lookup("#emoji") instanceof Button b) {
            b.fire();
        }
    }

    void closePopups() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof PopupWindow p && p.getOwnerWindow() == stage) {
                p.hide();
            }
        }
    }

    /** Opens the newest picture the open chat shows in the viewer (none: no viewer shot). */
    void openNewestPicture() {
        NodeClicks.clickNewest(stage.getScene(), ".image-bubble", "the open chat shows no picture");
    }

    /** The picture viewer window, when one is open. */
    @Nullable
    Stage viewer() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s
                    && s != stage
                    && s.isShowing()
                    && s.getScene().lookup("#viewer-image") != null) {
                return s;
            }
        }
        return null;
    }

    void closeViewer() {
        Stage v = viewer();
        if (v != null) {
            v.close();
        }
    }

    /** "多选" in the open chat with its newest three messages that can be forwarded ticked. */
    void selectNewest() {
        ChatViewModel vm = openChat();
        if (vm == null) {
            return;
        }
        List<MessageItem> some =
                vm.items().stream().filter(vm.selection()::selectable).toList();
        some = some.subList(Math.max(0, some.size() - SELECTED), some.size());
        if (!some.isEmpty()) {
            vm.selection().start(some.get(0));
            some.subList(1, some.size()).forEach(vm.selection()::toggle);
        }
    }

    void endSelection() {
        ChatViewModel vm = openChat();
        if (vm != null) {
            vm.selection().cancel();
        }
    }

    /** Starts uploading a large (sparse) file in the open chat, so its bubble shows the progress bar. */
    void startUpload() {
        ChatViewModel vm = openChat();
        if (vm == null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("magpie-screenshots");
            Path file = dir.resolve("设计稿-2026Q2.zip");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(UPLOAD_BYTES);
            }
            bigFile = file;
            vm.sendPath(file, false);
        } catch (IOException e) {
            LOG.error("screenshots: cannot write the upload file", e);
        }
    }

    /** Cancels what {@link #startUpload()} started and deletes its file. */
    void cancelUpload() {
        ChatViewModel vm = openChat();
        if (vm != null) {
            vm.items().stream().filter(m -> vm.transfer(m) != null).toList().forEach(vm::cancelTransfer);
        }
        Path file = bigFile;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                LOG.warn("screenshots: cannot delete {}", file, e);
            }
        }
    }

    private @Nullable ChatViewModel openChat() {
        Node pane = stage.getScene().lookup(".chat-pane");
        return pane != null && pane.getProperties().get(ChatViewModel.class) instanceof ChatViewModel vm ? vm : null;
    }
}
