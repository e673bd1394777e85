package im.magpie.desktop.chat;

import atlantafx.base.controls.CustomTextField;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The conversations section of the main window: conversation list with search, and the open chat. Opening a
 * conversation creates its {@link ChatViewModel} and disposes the previous one.
 */
public final class MainView {
    static final double LIST_WIDTH = 300;

    private final MainViewModel vm;
    private final ChatPort port;
    private final MessageTexts words;
    private final Clock clock;
    private final java.util.concurrent.Executor fxThread;
    private final Consumer<String> openLink;
    private final BorderPane root = new BorderPane();
    private final StackPane chatHost = new StackPane();
    private final ListView<ConversationRow> list = new ListView<>();
    private final Node banner;
    private @Nullable ChatViewModel chat;
    private final ReceiveSettings receive;
    private final im.magpie.desktop.emoji.EmojiRecents emojiRecents = new im.magpie.desktop.emoji.EmojiRecents();
    private final im.magpie.desktop.emoji.EmojiImages previewEmoji = new im.magpie.desktop.emoji.EmojiImages();
    private java.util.function.LongConsumer openHistory = id -> {};
    private Runnable newGroup = () -> {};
    private Runnable newChat = () -> {};
    private ChatHooks hooks = ChatHooks.NONE;

    public MainView(
            MainViewModel vm,
            ChatPort port,
            MessageTexts words,
            Clock clock,
            java.util.concurrent.Executor fxThread,
            Consumer<String> openLink,
            ReceiveSettings receive) {
        this.receive = receive;
        this.vm = vm;
        this.port = port;
        this.words = words;
        this.clock = clock;
        this.fxThread = fxThread;
        this.openLink = openLink;
        this.banner = banner();
        root.setCenter(new HBox(listPane(), chatHost));
        HBox.setHgrow(chatHost, Priority.ALWAYS);
        chatHost.getChildren().setAll(empty());
        vm.selectedIdProperty().addListener((o, was, now) -> open(now.longValue()));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.F) {
                e.consume();
                ChatViewModel c = chat;
                openHistory.accept(c == null ? 0 : c.conversation().id());
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<ConversationRow>) c -> keepSelection());
        vm.actionErrorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                javafx.scene.control.Alert alert =
                        new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, now);
                alert.initOwner(root.getScene().getWindow());
                alert.setHeaderText(null);
                alert.show();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /**
     * What Ctrl+F (and {@link #openHistory}) do: open the history viewer for a conversation (0: all of them).
     */
    public void onHistory(java.util.function.LongConsumer open) {
        openHistory = open;
    }

    /** What the "new group" menu item does (the member picker). */
    public void onNewGroup(Runnable action) {
        newGroup = action;
    }

    /** What the "new chat" menu item does (the member picker: one colleague opens the chat, several make a group). */
    public void onNewChat(Runnable action) {
        newChat = action;
    }

    /** Hover cards and the group panel for the chats opened from now on. */
    public void setChatHooks(ChatHooks chatHooks) {
        hooks = chatHooks;
    }

    /** Opens the history viewer for {@code conversationId} (0: all conversations). */
    public void openHistory(long conversationId) {
        openHistory.accept(conversationId);
    }

    /** Opens the conversation scrolled to its message {@code seq} (the history viewer's "jump to context"). */
    public void showMessage(long conversationId, long seq) {
        vm.selectedIdProperty().set(conversationId);
        ChatViewModel c = chat;
        if (c != null && c.conversation().id() == conversationId) {
            c.reveal(seq);
        }
    }

    private Node listPane() {
        CustomTextField search = new CustomTextField();
        search.setId("search");
        search.setPromptText(words.texts().get("main.search.prompt"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        HBox.setHgrow(search, Priority.ALWAYS);
        MenuButton add = new MenuButton(null, new FontIcon(Feather.PLUS));
        add.setId("add");
        add.getStyleClass().addAll("button-icon", "no-arrow");
        MenuItem newChat = new MenuItem(words.texts().get("main.newChat"), new FontIcon(Feather.USER_PLUS));
        newChat.setOnAction(e -> this.newChat.run());
        MenuItem newGroup = new MenuItem(words.texts().get("main.newGroup"), new FontIcon(Feather.USERS));
        newGroup.setOnAction(e -> this.newGroup.run());
        MenuItem fileTransfer = new MenuItem(words.texts().get("main.fileTransfer"), new FontIcon(Feather.MONITOR));
        fileTransfer.setOnAction(e -> vm.openFileTransfer());
        add.getItems().addAll(newChat, newGroup, fileTransfer);
        HBox header = new HBox(8, search, add);
        header.getStyleClass().add("list-header");

        FilteredList<ConversationRow> shown = new FilteredList<>(vm.rows());
        ConversationSearch names = new ConversationSearch(port::memberSearch);
        Runnable filter = () -> {
            String q = search.getText().strip().toLowerCase(java.util.Locale.ROOT);
            java.util.Set<Long> named = q.isEmpty() ? java.util.Set.of() : names.matching(vm.rows(), q);
            shown.setPredicate(r -> q.isEmpty()
                    || named.contains(r.id())
                    || r.preview().toLowerCase(java.util.Locale.ROOT).contains(q));
        };
        search.textProperty().addListener((o, was, now) -> filter.run());
        vm.rows().addListener((javafx.collections.ListChangeListener<ConversationRow>) c -> {
            if (!search.getText().isBlank()) {
                filter.run();
            }
        });
        list.setId("conversations");
        list.getStyleClass().add("conversation-list");
        list.setItems(shown);
        list.setCellFactory(v -> new ConversationCell(vm, words.texts(), previewEmoji));
        Label none = new Label(words.texts().get("main.noConversations"), new FontIcon(Feather.MESSAGE_SQUARE));
        none.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        none.setGraphicTextGap(12);
        none.setWrapText(true);
        none.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        none.getStyleClass().addAll("hint-text", "list-placeholder");
        VBox placeholder = new VBox(none);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setPadding(new javafx.geometry.Insets(24));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null
                    && now.id() != vm.selectedIdProperty().get()
                    && (was == null || was.id() != now.id())) { // not the same conversation's row reloaded
                // not inside the selection event: opening reloads the list
                javafx.application.Platform.runLater(
                        () -> vm.selectedIdProperty().set(now.id()));
            }
        });
        VBox pane = new VBox(header, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add("list-pane");
        pane.setMinWidth(LIST_WIDTH);
        pane.setPrefWidth(LIST_WIDTH);
        pane.setMaxWidth(LIST_WIDTH);
        return pane;
    }

    private Node banner() {
        Label text = new Label(words.texts().get("main.reconnecting"), new FontIcon(Feather.WIFI_OFF));
        HBox box = new HBox(text);
        box.setId("banner");
        box.getStyleClass().add("banner");
        box.visibleProperty().bind(vm.onlineProperty().not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node empty() {
        Label text = new Label(words.texts().get("main.empty"), new FontIcon(Feather.MESSAGE_CIRCLE));
        text.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        text.setGraphicTextGap(16);
        VBox box = new VBox(text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("empty-state", "chat-pane");
        VBox outer = new VBox(banner, box);
        VBox.setVgrow(box, Priority.ALWAYS);
        return outer;
    }

    private void keepSelection() {
        long id = vm.selectedIdProperty().get();
        ConversationRow current = list.getSelectionModel().getSelectedItem();
        if (id != 0 && (current == null || current.id() != id)) {
            list.getItems().stream()
                    .filter(r -> r.id() == id)
                    .findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        }
        ChatViewModel shown = chat;
        if (id != 0 && (shown == null || shown.conversation().id() != id)) {
            open(id); // chosen before its row was here (a group just created): it opens when the row arrives
        }
        ChatViewModel open = chat;
        if (open != null && vm.row(open.conversation().id()) == null) {
            // the user left the group (here or on another device): its chat goes away
            open.dispose();
            chat = null;
            vm.selectedIdProperty().set(0);
            chatHost.getChildren().setAll(empty());
        }
    }

    /** Opens the "forward to" picker for messages of the open conversation; {@code sent} runs once they went. */
    private void forward(long conversationId, List<Long> seqs, Runnable sent) {
        ForwardViewModel picker =
                new ForwardViewModel(port, conversationId, seqs, List.copyOf(vm.rows()), words, fxThread);
        picker.doneProperty().addListener((o, was, done) -> {
            if (done) {
                sent.run();
            }
        });
        new ForwardDialog(picker, root.getScene().getWindow()).show();
    }

    private void open(long id) {
        ChatViewModel old = chat;
        if (old != null && old.conversation().id() == id) {
            return;
        }
        ConversationRow row = vm.row(id);
        if (row == null) {
            return;
        }
        if (old != null) {
            old.dispose();
        }
        ChatViewModel next = new ChatViewModel(row, port, words, clock, fxThread, receive);
        chat = next;
        ChatView view = new ChatView(next, banner, openLink, emojiRecents, hooks);
        view.onForward((seqs, sent) -> forward(row.id(), seqs, sent));
        chatHost.getChildren().setAll(view.root());
        view.focusComposer();
        next.start();
        keepSelection();
    }
}
