package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiText;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One chat row: avatar, sender and time, the bubble (text with links, or a file), delivery status. */
final class MessageCell extends ListCell<MessageItem> {
    static final double AVATAR = 36;
    static final double BUBBLE_SHARE = 0.62;
    /** Messages of only this many emoji or fewer show them large. */
    static final int LARGE_EMOJI_MAX = 3;

    static final double FILE_PROGRESS = 170;
    static final double PROGRESS_HEIGHT = 6;

    private final ChatViewModel vm;
    private final Consumer<String> openLink;
    private final javafx.beans.binding.DoubleBinding bubbleWidth;
    private final EmojiText emoji;
    private final ImageBubbles images;
    private final ChatHooks.PersonHover hover;
    private final MessageMenu menu;

    /** {@code listWidth}: the list's width (a cell's own width is 0 while it is laid out for the first time). */
    MessageCell(
            ChatViewModel vm,
            Consumer<String> openLink,
            javafx.beans.binding.DoubleExpression listWidth,
            EmojiText emoji,
            ImageBubbles images,
            ChatHooks.PersonHover hover,
            MessageMenu menu) {
        this.vm = vm;
        this.hover = hover;
        this.openLink = openLink;
        this.emoji = emoji;
        this.images = images;
        this.menu = menu;
        this.bubbleWidth = listWidth.multiply(BUBBLE_SHARE);
        setPrefWidth(0);
        // a row redraws when its transfer starts or ends or its file was saved; progress itself is bound.
        // Weak: the list drops cells when it refreshes.
        vm.runningTransfers().addListener(new javafx.collections.WeakMapChangeListener<>(onTransfer));
        vm.savedFiles().addListener(new javafx.collections.WeakMapChangeListener<>(onSaved));
        // the context menu is made when it is asked for, not for every row drawn
        addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            MessageItem m = getItem();
            if (m != null
                    && !isEmpty()
                    && getContextMenu() == null
                    && !m.isNotice()
                    && !m.recalled()
                    && !vm.selection().activeProperty().get()) {
                setContextMenu(this.menu.of(m, this));
            }
        });
    }

    private final javafx.collections.MapChangeListener<String, TransferState> onTransfer = c -> redraw(c.getKey());
    private final javafx.collections.MapChangeListener<String, Path> onSaved = c -> redraw(c.getKey());

    /** Draws the row again, measured again (a list keeps a row's height until it refreshes). */
    private void redraw(String key) {
        MessageItem m = getItem();
        if (m != null && !isEmpty() && m.key().equals(key) && getListView() != null) {
            getListView().refresh();
        }
    }

    /** The "new messages" divider above the first message that was unread when the chat opened. */
    private Node withDivider(MessageItem m, Node row) {
        if (m.seq() == 0 || m.seq() != vm.firstNewProperty().get()) {
            return row;
        }
        if (getParent() != null && getParent().isVisible()) { // not the list's hidden measuring cell
            vm.firstNewSeen();
        }
        Region left = new Region();
        Region right = new Region();
        left.getStyleClass().add("divider-line");
        right.getStyleClass().add("divider-line");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Label label = new Label(vm.words().texts().get("chat.newMessages"));
        label.getStyleClass().add("divider-text");
        HBox divider = new HBox(10, left, label, right);
        divider.setId("new-messages");
        divider.setAlignment(Pos.CENTER);
        return new VBox(10, divider, row);
    }

    @Override
    protected void updateItem(MessageItem m, boolean empty) {
        super.updateItem(m, empty);
        setText(null);
        setContextMenu(null);
        if (empty || m == null) {
            setGraphic(null);
            return;
        }
        if (m.isNotice() || m.recalled()) {
            setGraphic(SelectableRow.wrap(vm.selection(), m, notice(m)));
            return;
        }
        setGraphic(SelectableRow.wrap(vm.selection(), m, withDivider(m, message(m))));
    }

    private Node notice(MessageItem m) {
        String who = m.mine() ? vm.words().texts().get("message.you") : m.senderName();
        String text = m.recalled()
                ? vm.words().texts().format("message.recalledBy", who)
                : vm.noticeText(m, (Content.Notice) m.content());
        Label label = new Label(text);
        label.getStyleClass().add("notice-text");
        label.setWrapText(true);
        HBox box = new HBox(label);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node message(MessageItem m) {
        Label sender = new Label(
                m.mine()
                        ? vm.words().bubbleTime(m.timeMs())
                        : m.senderName() + "   " + vm.words().bubbleTime(m.timeMs()));
        sender.getStyleClass().add("sender");
        Node header = sender;
        if (vm.mentionsMe(m) || m.forwarded()) {
            HBox line = new HBox(6, sender);
            if (m.forwarded()) {
                Label mark = new Label(vm.words().texts().get("message.forwarded"), new FontIcon(Feather.SHARE));
                mark.getStyleClass().add("forwarded-mark");
                line.getChildren().add(mark);
            }
            if (vm.mentionsMe(m)) {
                Label badge = new Label(vm.words().texts().get("message.mentionedYou"));
                badge.getStyleClass().add("mention-badge");
                line.getChildren().add(badge);
            }
            line.setAlignment(Pos.CENTER_LEFT);
            header = line;
        }
        Node bubble = m.isImage() ? images.bubble(m) : m.isFile() ? fileBubble(m) : textBubble(m);
        VBox column = new VBox(4, header, bubble);
        TransferState imageUpload = m.isImage() ? vm.transfer(m) : null;
        if (imageUpload != null) {
            column.getChildren().add(progressBar(imageUpload, ImageBubbles.MAX * 0.75));
        }
        column.setAlignment(m.mine() ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        Node status = status(m);
        if (status != null) {
            column.getChildren().add(status);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Node avatar = Avatars.of(m.senderId(), ConversationKind.DIRECT, MessageTexts.initials(m.senderName()), AVATAR);
        hover.install(avatar, m.senderId());
        if (!m.mine()) {
            hover.install(sender, m.senderId());
        }
        HBox row = new HBox(10, avatar, column, spacer);
        row.setAlignment(Pos.TOP_LEFT);
        if (m.mine()) {
            row.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            column.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
        return row;
    }

    private Region textBubble(MessageItem m) {
        TextFlow flow = new TextFlow();
        String text = m.content() instanceof Content.Text t ? t.text() : "";
        boolean large = emoji.catalog().onlyEmoji(text, LARGE_EMOJI_MAX);
        for (Links.Run run : Links.split(text)) {
            if (run.link()) {
                Hyperlink link = new Hyperlink(run.text());
                link.setOnAction(e -> openLink.accept(run.text()));
                flow.getChildren().add(link);
            } else {
                flow.getChildren()
                        .addAll(emoji.nodes(
                                large ? run.text().strip() : run.text(),
                                large ? EmojiText.LARGE : EmojiText.INLINE,
                                "bubble-text"));
            }
        }
        Quote quote = m.quote();
        Region bubble = flow;
        if (quote != null) {
            VBox block = QuoteBlock.of(quote, vm.quoteSender(quote), emoji, vm.words());
            block.setId("quote-" + m.seq());
            block.setOnMouseClicked(e -> vm.reveal(quote.seq()));
            block.setCursor(javafx.scene.Cursor.HAND);
            VBox box = new VBox(6, block, flow);
            box.setFillWidth(false);
            bubble = box;
        } else if (large) {
            flow.getStyleClass().add("emoji-only");
        }
        bubble.getStyleClass().add("bubble");
        if (m.mine()) {
            bubble.getStyleClass().add("mine");
        }
        bubble.maxWidthProperty().bind(bubbleWidth);
        if (bubble != flow) {
            bubble.setMaxHeight(Region.USE_PREF_SIZE);
            flow.maxWidthProperty().bind(bubbleWidth.subtract(24));
        }
        return bubble;
    }

    private Region fileBubble(MessageItem m) {
        boolean folder = m.content() instanceof Content.Folder;
        FontIcon icon = new FontIcon(folder ? Feather.FOLDER : Feather.FILE_TEXT);
        icon.getStyleClass().add("file-icon");
        Label name = new Label(vm.copyText(m));
        name.getStyleClass().add("file-name");
        Label size = new Label(sizeText(m));
        size.getStyleClass().add("file-size");
        VBox text = new VBox(3, name, size);
        HBox box = new HBox(12, icon, text);
        box.setAlignment(Pos.CENTER_LEFT);
        TransferState transfer = vm.transfer(m);
        Path saved = vm.savedFile(m);
        if (transfer != null) {
            size.textProperty()
                    .bind(javafx.beans.binding.Bindings.when(
                                    transfer.textProperty().isEmpty())
                            .then(sizeText(m))
                            .otherwise(transfer.textProperty()));
            text.getChildren().add(progressBar(transfer, FILE_PROGRESS));
            Button cancel = fileAction(Feather.X, "chat.cancelTransfer", "transfer-cancel");
            cancel.setOnAction(e -> vm.cancelTransfer(m));
            box.getChildren().add(cancel);
        } else if (saved != null) {
            Button open = fileAction(Feather.EXTERNAL_LINK, "chat.open", "file-open");
            open.setOnAction(e -> openLink.accept(saved.toUri().toString()));
            box.getChildren().add(open);
        } else if (m.seq() > 0) {
            Button download = fileAction(Feather.DOWNLOAD, "chat.download", "file-download");
            download.setOnAction(e -> vm.receive(m));
            box.getChildren().add(download);
        }
        box.getStyleClass().add("bubble");
        if (m.mine()) {
            box.getStyleClass().add("mine");
        }
        box.setMaxWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Button fileAction(Feather icon, String key, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("tool-button", id);
        b.setAccessibleText(vm.words().texts().get(key));
        b.setTooltip(new javafx.scene.control.Tooltip(vm.words().texts().get(key)));
        return b;
    }

    private static ProgressBar progressBar(TransferState transfer, double width) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(transfer.fractionProperty());
        bar.setPrefWidth(width);
        // sized here, not by CSS: the list measures a new row before its skin and styles apply
        bar.setMinHeight(PROGRESS_HEIGHT);
        bar.setPrefHeight(PROGRESS_HEIGHT);
        bar.setMaxHeight(PROGRESS_HEIGHT);
        bar.getStyleClass().addAll("transfer-progress", "small");
        return bar;
    }

    private String sizeText(MessageItem m) {
        if (m.content() instanceof Content.Folder f) {
            return f.files() == 0
                    ? vm.words().texts().get("chat.status.sending")
                    : vm.words().texts().format("message.folderSummary", f.files(), MessageTexts.size(f.size()));
        }
        long bytes = m.content() instanceof Content.File f ? f.size() : ((Content.Image) m.content()).size();
        return bytes == 0 && m.seq() == 0 ? vm.words().texts().get("chat.status.sending") : MessageTexts.size(bytes);
    }

    private javafx.scene.@org.jspecify.annotations.Nullable Node status(MessageItem m) {
        if (m.status() == DeliveryStatus.SENT && vm.readReceipts().applies(m)) {
            return readLabel(m);
        }
        if (!m.mine() || m.status() == DeliveryStatus.SENT) {
            return null;
        }
        if (m.status() == DeliveryStatus.SENDING) {
            Label l = new Label(vm.words().texts().get("chat.status.sending"), new FontIcon(Feather.CLOCK));
            l.getStyleClass().add("status-text");
            return l;
        }
        Label l = new Label(vm.words().texts().get("chat.status.failed"), new FontIcon(Feather.ALERT_CIRCLE));
        l.getStyleClass().addAll("status-text", "status-failed");
        Hyperlink retry = new Hyperlink(vm.words().texts().get("chat.retry"));
        retry.getStyleClass().add("retry");
        retry.setOnAction(e -> vm.retry(m));
        HBox box = new HBox(6, l, retry);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    /** "2 read" / "all read" under an own message, live as read marks arrive; in groups a click lists the readers. */
    private Node readLabel(MessageItem m) {
        ReadReceipts receipts = vm.readReceipts();
        Label label = new Label();
        label.setId("read-" + m.seq());
        label.getStyleClass().add("read-status");
        label.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> receipts.label(m), receipts.marksProperty()));
        javafx.beans.value.ChangeListener<Object> tone = (o, was, now) -> {
            label.getStyleClass().remove("read-pending");
            if (!receipts.allRead(m)) {
                label.getStyleClass().add("read-pending");
            }
        };
        tone.changed(null, null, null);
        receipts.marksProperty().addListener(new javafx.beans.value.WeakChangeListener<>(tone));
        label.getProperties().put("tone", tone); // the weak listener lives as long as the label
        if (receipts.listable(m)) {
            label.getStyleClass().add("read-link");
            label.setCursor(javafx.scene.Cursor.HAND);
            // the list may draw the row again during the click: the popup belongs to the window, not the label
            label.setOnMouseClicked(e -> {
                if (getListView() != null && getListView().getScene() != null) {
                    ReadByPopup.show(
                            receipts.readBy(m),
                            getListView().getScene().getWindow(),
                            e.getScreenX(),
                            e.getScreenY(),
                            vm.words().texts());
                }
            });
        }
        return label;
    }
}
