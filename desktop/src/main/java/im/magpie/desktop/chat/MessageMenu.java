package im.magpie.desktop.chat;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The context menu of a message: copy, quote, forward, select (多选), save as, recall. */
final class MessageMenu {
    private final ChatViewModel vm;
    private final Consumer<MessageItem> forward;

    /** {@code forward}: opens the "forward to" picker for a message. */
    MessageMenu(ChatViewModel vm, Consumer<MessageItem> forward) {
        this.vm = vm;
        this.forward = forward;
    }

    ContextMenu of(MessageItem m, Node owner) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().add(item("chat.copy", Feather.COPY, "menu-copy", () -> copy(m)));
        if (vm.canQuote(m)) {
            menu.getItems().add(item("chat.quote", Feather.MESSAGE_SQUARE, "menu-quote", () -> vm.quote(m)));
            menu.getItems().add(item("chat.forward", Feather.SHARE, "menu-forward", () -> forward.accept(m)));
        }
        menu.getItems()
                .add(item(
                        "chat.select",
                        Feather.CHECK_SQUARE,
                        "menu-select",
                        () -> vm.selection().start(m)));
        if (m.isFile() && m.seq() > 0) {
            menu.getItems().add(item("chat.saveAs", Feather.DOWNLOAD, "menu-save", () -> saveAs(m, owner)));
        }
        MenuItem recall = item("chat.recall", Feather.CORNER_UP_LEFT, "menu-recall", () -> vm.recall(m));
        menu.setOnShowing(e -> recall.setVisible(vm.canRecall(m)));
        menu.getItems().add(recall);
        return menu;
    }

    private MenuItem item(String key, Feather icon, String id, Runnable action) {
        MenuItem item = new MenuItem(vm.words().texts().get(key), new FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The text; for a picture shown from a local copy, the picture too (and its file, for pasting into folders). */
    private void copy(MessageItem m) {
        ClipboardContent c = new ClipboardContent();
        c.putString(vm.copyText(m));
        Path local = m.localFile();
        if (m.isImage() && local != null) {
            c.putImage(new Image(local.toUri().toString()));
            c.putFiles(java.util.List.of(local.toFile()));
        }
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void saveAs(MessageItem m, Node owner) {
        Window window = owner.getScene().getWindow();
        File target;
        if (m.content() instanceof Content.Folder f) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(vm.words().texts().get("chat.saveAs"));
            File parent = chooser.showDialog(window);
            target = parent == null ? null : new File(parent, f.name());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(vm.words().texts().get("chat.saveAs"));
            chooser.setInitialFileName(vm.copyText(m));
            target = chooser.showSaveDialog(window);
        }
        if (target != null) {
            vm.save(m, target.toPath());
        }
    }
}
