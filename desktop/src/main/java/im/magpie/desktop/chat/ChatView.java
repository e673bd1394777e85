package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiCatalog;
import im.magpie.desktop.emoji.EmojiImages;
import im.magpie.desktop.emoji.EmojiLine;
import im.magpie.desktop.emoji.EmojiPicker;
import im.magpie.desktop.emoji.EmojiPickerViewModel;
import im.magpie.desktop.emoji.EmojiRecents;
import im.magpie.desktop.emoji.EmojiText;
import im.magpie.desktop.image.ImageViewer;
import im.magpie.desktop.image.ImageViewerViewModel;
import im.magpie.desktop.image.PngFiles;
import im.magpie.desktop.image.ScreenCapture;
import im.magpie.desktop.image.Thumbnails;
import im.magpie.desktop.popup.PopupFrame;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The chat of one conversation: header, virtualised message list, composer; files arrive by drop or button. */
public final class ChatView {
    static final double ATTACHMENT_PREVIEW = 72;

    /** Emoji in the header's 16 px title. */
    private static final double TITLE_EMOJI = 19;

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final ChatViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<MessageItem> list = new ListView<>();
    private final EmojiImages emojiImages = new EmojiImages();
    private final Thumbnails thumbnails = new Thumbnails();
    private final EmojiRecents emojiRecents;
    private final TextArea input = new TextArea();
    private final ChatHooks hooks;
    private @Nullable EmojiPicker emojiPicker;
    private final EmojiText emoji;
    private ForwardPicker forward = ForwardPicker.NONE;
    private final MessageListScroll scroll;

    /** {@code emojiRecents}: the recently picked emoji, shared by every chat of the window. */
    public ChatView(ChatViewModel vm, Node banner, Consumer<String> openLink, EmojiRecents emojiRecents) {
        this(vm, banner, openLink, emojiRecents, ChatHooks.NONE);
    }

    /** {@code hooks}: hover cards and the group panel. */
    public ChatView(
            ChatViewModel vm, Node banner, Consumer<String> openLink, EmojiRecents emojiRecents, ChatHooks hooks) {
        this.vm = vm;
        this.emojiRecents = emojiRecents;
        this.hooks = hooks;
        this.emoji = new EmojiText(EmojiCatalog.bundled(), emojiImages);
        MessageMenu menu = new MessageMenu(vm, m -> forward.open(List.of(m.seq()), () -> {}));
        root.getStyleClass().add("chat-pane");
        root.getProperties().put(ChatViewModel.class, vm); // the screenshot command drives the open chat
        root.setTop(new VBox(header(), banner));
        list.setId("messages");
        list.getStyleClass().add("message-list");
        list.setItems(vm.items());
        RowHeights heights = RowHeights.of(vm);
        list.setCellFactory(v -> new MessageCell(
                vm,
                openLink,
                list.widthProperty(),
                emoji,
                new ImageBubbles(thumbnails, this::openImage),
                hooks.hover(),
                menu,
                heights));
        list.setFocusTraversable(false);
        scroll = new MessageListScroll(list, vm::loadOlder);
        list.setPlaceholder(ChatWelcome.of(vm));
        root.setCenter(new javafx.scene.layout.StackPane(list, jumpButton(), newBelowButton()));
        Node composer = composer();
        root.setBottom(composer);
        MessageSelection selection = vm.selection();
        SelectionBar.install(
                root,
                composer,
                list,
                selection,
                vm.words().texts(),
                () -> forward.open(selection.chosen(), selection::cancel));
        scrollToRevealed();
        acceptDrops();
    }

    /** Puts the keyboard focus in the composer (a conversation was just opened: the user can type at once). */
    public void focusComposer() {
        input.requestFocus();
    }

    public Parent root() {
        return root;
    }

    /** What "forward" in a message's context menu and "逐条转发" in selection mode do: open the picker of targets. */
    public void onForward(ForwardPicker picker) {
        forward = picker;
    }

    /** "N new messages" at the top right while many were unread; a click jumps to the first of them. */
    private Node jumpButton() {
        Button jump = new Button(
                vm.words().texts().format("chat.jumpToUnread", vm.unreadAtOpen()), new FontIcon(Feather.ARROW_UP));
        jump.setId("jump-unread");
        jump.getStyleClass().add("jump-unread");
        jump.visibleProperty().bind(vm.jumpOfferedProperty());
        jump.setOnAction(e -> vm.jumpToFirstUnread());
        javafx.scene.layout.StackPane.setAlignment(jump, Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(jump, new javafx.geometry.Insets(12, 18, 0, 0));
        return jump;
    }

    /** "New messages ↓" at the bottom while messages came in below what the user reads; a click shows the newest. */
    private Node newBelowButton() {
        Button button = new Button(vm.words().texts().get("chat.newBelow"), new FontIcon(Feather.ARROW_DOWN));
        button.setId("new-below");
        button.getStyleClass().add("jump-unread");
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button.visibleProperty().bind(scroll.newBelowProperty());
        button.setOnAction(e -> scroll.scrollToNewest());
        javafx.scene.layout.StackPane.setAlignment(button, Pos.BOTTOM_CENTER);
        javafx.scene.layout.StackPane.setMargin(button, new javafx.geometry.Insets(0, 0, 14, 0));
        return button;
    }

    private Node header() {
        ConversationRow c = vm.conversation();
        EmojiLine title = new EmojiLine(EmojiCatalog.bundled(), emojiImages, "chat-title", TITLE_EMOJI);
        title.setText(c.name()); // "周末羽毛球 🏸": emoji in colour, as in the conversation list
        title.setId("chat-title");
        HBox box = new HBox(10, title);
        if (c.kind() == ConversationKind.GROUP) {
            Label members = new Label(vm.words().texts().format("conversation.members", c.members()));
            members.getStyleClass().add("chat-subtitle");
            box.getChildren().addAll(members, groupInfoButton());
        }
        box.getStyleClass().add("chat-header");
        return box;
    }

    /** The header's button that shows and hides the group info panel on the right. */
    private Node groupInfoButton() {
        Button info = tool(Feather.MORE_HORIZONTAL, "group.info");
        info.setId("group-info");
        info.setOnAction(e -> {
            if (root.getRight() != null) {
                root.setRight(null);
            } else {
                root.setRight(hooks.groupPanel().open(vm.conversation().id(), () -> root.setRight(null)));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(spacer, info);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private Node composer() {
        Button smile = tool(Feather.SMILE, "chat.emoji");
        smile.setId("emoji");
        smile.setOnAction(e -> emojiPicker(smile));
        Button capture = tool(Feather.SCISSORS, "chat.screenshot");
        capture.setId("screenshot");
        capture.setOnAction(e -> ScreenCapture.ofScreenOf(
                        root.getScene().getWindow(), vm.words().texts(), shot -> attachImage(shot, "screenshot"))
                .show());
        Button file = tool(Feather.PAPERCLIP, "chat.attachFile");
        file.setId("attach-file");
        file.setOnAction(e -> chooseFile());
        Button folder = tool(Feather.FOLDER_PLUS, "chat.attachFolder");
        folder.setId("attach-folder");
        folder.setOnAction(e -> chooseFolder());
        Label notice = new Label();
        notice.getStyleClass().add("chat-notice");
        notice.textProperty().bind(vm.noticeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(2, smile, capture, file, folder, spacer, notice);
        tools.getStyleClass().add("composer-tools");
        tools.setAlignment(Pos.CENTER_LEFT);

        input.setId("input");
        input.getStyleClass().add("composer-input");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.setPromptText(vm.words().texts().get("chat.input.prompt"));
        input.textProperty().bindBidirectional(vm.draftProperty());
        MentionPopup mentionPopup = new MentionPopup(vm.mentions(), this::pickMention, PopupFrame.ofScreen());
        input.textProperty().addListener((o, was, now) -> mentionEdited(mentionPopup));
        input.caretPositionProperty().addListener((o, was, now) -> mentionEdited(mentionPopup));
        // the picker also opens by itself: the members arrived after an "@" was typed
        vm.mentions().openProperty().addListener((o, was, now) -> mentionPopup.follow(input));
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (mentionPopup.handle(e)) {
                e.consume();
            } else if (PASTE.match(e) && pasteFiles()) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.quotingProperty().get() != null) {
                e.consume();
                vm.cancelQuote();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.isShiftDown()) {
                    input.insertText(input.getCaretPosition(), "\n");
                } else {
                    vm.send();
                }
            }
        });
        Button send = new Button(vm.words().texts().get("chat.send"));
        send.setId("send");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(vm.canSendBinding().not());
        send.setOnAction(e -> vm.send());
        HBox actions = new HBox(send);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(2, tools, attachmentPreview(), quoteBar(), input, actions);
        box.getStyleClass().add("composer");
        return box;
    }

    /** The message the next text replies to, with a button to take it away. */
    private Node quoteBar() {
        HBox bar = new HBox(8);
        bar.setId("quote-bar");
        bar.getStyleClass().add("quote-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Button remove = tool(Feather.X, "chat.cancelQuote");
        remove.setId("quote-cancel");
        remove.setOnAction(e -> vm.cancelQuote());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        vm.quotingProperty().addListener((o, was, now) -> {
            if (now == null) {
                bar.getChildren().clear();
            } else {
                bar.getChildren().setAll(QuoteBlock.of(now, vm.quoteSender(now), emoji, vm.words()), spacer, remove);
                input.requestFocus();
            }
        });
        bar.visibleProperty().bind(vm.quotingProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** The picture waiting to be sent (pasted or captured), with a button to take it away. */
    private Node attachmentPreview() {
        ImageView thumb = new ImageView();
        thumb.setPreserveRatio(true);
        thumb.setFitWidth(ATTACHMENT_PREVIEW);
        thumb.setFitHeight(ATTACHMENT_PREVIEW);
        Label name = new Label();
        name.getStyleClass().add("file-size");
        Button remove = tool(Feather.X, "chat.removeAttachment");
        remove.setId("attachment-remove");
        remove.setOnAction(e -> vm.clearAttachment());
        HBox box = new HBox(10, thumb, name, remove);
        box.setId("attachment");
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("attachment");
        vm.attachmentProperty().addListener((o, was, now) -> {
            thumb.setImage(now == null ? null : thumbnails.of(now));
            Path file = now == null ? null : now.getFileName();
            name.setText(file == null ? "" : file.toString());
        });
        box.visibleProperty().bind(vm.attachmentProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Ctrl+V with a picture on the clipboard puts it in the composer; with files, sends them as a drop would. Plain
     * text is left to the text field.
     */
    private boolean pasteFiles() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            clipboard.getFiles().forEach(f -> vm.sendPath(f.toPath(), f.isDirectory()));
            return true;
        }
        Image image = clipboard.hasImage() ? clipboard.getImage() : null;
        if (image == null || clipboard.hasString()) {
            return false;
        }
        attachImage(image, "image");
        return true;
    }

    private void mentionEdited(MentionPopup popup) {
        vm.mentions().edited(input.getText(), input.getCaretPosition());
        popup.follow(input);
    }

    private void pickMention(int index) {
        int caret = vm.pickMention(index);
        if (caret >= 0) {
            input.positionCaret(caret);
            input.requestFocus();
        }
    }

    /** Writes an in-memory picture to a file and puts it in the composer. */
    void attachImage(Image image, String prefix) {
        try {
            vm.attach(PngFiles.write(image, prefix));
            input.requestFocus();
        } catch (IOException e) {
            vm.showFailure(new ChatException(ChatFailureKind.FILE_UNREADABLE, "pasted picture", e));
        }
    }

    private void openImage(MessageItem m) {
        Path file = m.localFile();
        if (file == null || root.getScene() == null) {
            return;
        }
        ImageViewerViewModel viewer = new ImageViewerViewModel(file, vm.copyText(m), target -> vm.save(m, target));
        new ImageViewer(viewer, vm.words().texts(), root.getScene().getWindow()).show();
    }

    private void emojiPicker(Node anchor) {
        EmojiPicker picker = emojiPicker;
        if (picker == null) {
            EmojiPickerViewModel pvm = new EmojiPickerViewModel(EmojiCatalog.bundled(), emojiRecents, text -> {
                input.replaceSelection(text);
                input.requestFocus();
            });
            picker = new EmojiPicker(pvm, emojiImages, vm.words().texts());
            emojiPicker = picker;
        }
        picker.toggle(anchor);
    }

    private Button tool(Feather icon, String tooltipKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(vm.words().texts().get(tooltipKey)));
        b.setAccessibleText(vm.words().texts().get(tooltipKey));
        return b;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(vm.words().texts().get("chat.attachFile"));
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            files.forEach(f -> vm.sendPath(f.toPath(), false));
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(vm.words().texts().get("chat.attachFolder"));
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            vm.sendPath(dir.toPath(), true);
        }
    }

    /** Scrolls to and selects the message the view-model reveals (after any scrolling the new rows caused). */
    private void scrollToRevealed() {
        vm.revealedProperty().addListener((o, was, seq) -> {
            if (seq.longValue() != 0) {
                javafx.application.Platform.runLater(() -> {
                    int index =
                            vm.items().stream().map(MessageItem::seq).toList().indexOf(seq.longValue());
                    if (index >= 0) {
                        scroll.reveal(Math.max(0, index - 1));
                        list.getSelectionModel().select(index);
                    }
                });
            }
        });
    }

    private void acceptDrops() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains("drop-target")) {
                    root.getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                for (File f : e.getDragboard().getFiles()) {
                    vm.sendPath(f.toPath(), f.isDirectory());
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
