package im.magpie.desktop.chat;

import im.magpie.desktop.emoji.EmojiText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
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
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One chat row: avatar, sender and time, the bubble (text with links, or a file), delivery status; a notice or a
 * recalled message as one centred line.
 *
 * <p>A cell keeps the nodes of its row and changes only their texts, images and colours when the list gives it another
 * message (scrolling, arriving messages): JavaFX styles a node whenever it enters a parent, matching every candidate
 * selector of the stylesheets against the node and its ancestors, and that styling of new rows was most of the list's
 * cost (docs/performance.md, "Round 7, scrolling"). Parts a message does not have are taken out of the row; the text
 * bubble, avatar, sender line and read label stay. File and picture bubbles, quotes, dividers and the sending / failed
 * line are still made per row (rare). Differences between rows that change often are pseudo-classes ({@code :mine}), not
 * style classes: a new style class styles the node again.
 *
 * <p>The list's hidden measuring cell answers rows measured before from {@link RowHeights} without showing them.
 */
final class MessageCell extends ListCell<MessageItem> {
    static final double AVATAR = 36;
    static final double BUBBLE_SHARE = 0.62;
    /** Messages of only this many emoji or fewer show them large. */
    static final int LARGE_EMOJI_MAX = 3;

    static final double FILE_PROGRESS = 170;
    static final double PROGRESS_HEIGHT = 6;

    /** The user's own bubbles (drawn in the accent's tint). */
    static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    /** A read label while not everyone has read the message. */
    static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

    private final ChatViewModel vm;
    private final Consumer<String> openLink;
    private final javafx.beans.binding.DoubleBinding bubbleWidth;
    private final EmojiText emoji;
    private final ImageBubbles images;
    private final ChatHooks.PersonHover hover;
    private final MessageMenu menu;
    private final RowHeights heights;

    // The row's nodes, kept from message to message.
    private final VBox body = new VBox(10);
    private final HBox divider;
    private final HBox messageRow;
    private final AvatarTile avatar = new AvatarTile(AVATAR);
    private final Label sender = new Label();
    private final VBox column = new VBox(4);
    private final Region spacer = new Region();
    /** A text bubble without a quote. */
    private final TextFlow plainBubble = new TextFlow();
    /** A reply: the quote over {@link #quotedText}. */
    private final VBox quotedBubble = new VBox(6);

    private final TextFlow quotedText = new TextFlow();
    private final Label readLabel = new Label();
    private final HBox noticeRow;
    private final Label notice = new Label();
    /** What this cell's nodes show; null while it is empty or answers from {@link RowHeights} alone. */
    private @Nullable MessageItem shown;
    /** The height the measuring cell reports for a row it did not build; -1 when it built it. */
    private double known = -1;
    /** The width {@link #known} was measured at. */
    private double knownWidth;

    private final InvalidationListener marksChanged = o -> showReaders();
    private final javafx.collections.MapChangeListener<String, TransferState> onTransfer = c -> redraw(c.getKey());
    private final javafx.collections.MapChangeListener<String, Path> onSaved = c -> redraw(c.getKey());

    /** {@code listWidth}: the list's width (a cell's own width is 0 while it is laid out for the first time). */
    MessageCell(
            ChatViewModel vm,
            Consumer<String> openLink,
            javafx.beans.binding.DoubleExpression listWidth,
            EmojiText emoji,
            ImageBubbles images,
            ChatHooks.PersonHover hover,
            MessageMenu menu,
            RowHeights heights) {
        this.vm = vm;
        this.hover = hover;
        this.openLink = openLink;
        this.emoji = emoji;
        this.images = images;
        this.menu = menu;
        this.heights = heights;
        this.bubbleWidth = listWidth.multiply(BUBBLE_SHARE);
        setPrefWidth(0);
        // a row redraws when its transfer starts or ends or its file was saved; progress itself is bound.
        // Weak: the list drops cells when it refreshes.
        vm.runningTransfers().addListener(new javafx.collections.WeakMapChangeListener<>(onTransfer));
        vm.savedFiles().addListener(new javafx.collections.WeakMapChangeListener<>(onSaved));
        vm.readReceipts().marksProperty().addListener(new WeakInvalidationListener(marksChanged));
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
        divider = divider();
        messageRow = messageRow();
        notice.getStyleClass().add("notice-text");
        notice.setWrapText(true);
        noticeRow = new HBox(notice);
        noticeRow.setAlignment(Pos.CENTER);
        readLabel.getStyleClass().add("read-status");
        // the list may draw the row again during the click: the popup belongs to the window, not the label
        readLabel.setOnMouseClicked(e -> {
            MessageItem m = shown;
            if (m != null
                    && vm.readReceipts().listable(m)
                    && getListView() != null
                    && getListView().getScene() != null) {
                ReadByPopup.show(
                        vm.readReceipts().readBy(m),
                        getListView().getScene().getWindow(),
                        e.getScreenX(),
                        e.getScreenY(),
                        vm.words().texts());
            }
        });
    }

    /** The "new messages" divider above the first message that was unread when the chat opened. */
    private HBox divider() {
        Region left = new Region();
        Region right = new Region();
        left.getStyleClass().add("divider-line");
        right.getStyleClass().add("divider-line");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Label label = new Label(vm.words().texts().get("chat.newMessages"));
        label.getStyleClass().add("divider-text");
        HBox box = new HBox(10, left, label, right);
        box.setId("new-messages");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private HBox messageRow() {
        sender.getStyleClass().add("sender");
        plainBubble.getStyleClass().add("bubble");
        plainBubble.maxWidthProperty().bind(bubbleWidth);
        quotedBubble.getStyleClass().add("bubble");
        quotedBubble.setFillWidth(false);
        quotedBubble.maxWidthProperty().bind(bubbleWidth);
        quotedBubble.setMaxHeight(Region.USE_PREF_SIZE);
        quotedText.maxWidthProperty().bind(bubbleWidth.subtract(24));
        HBox.setHgrow(spacer, Priority.ALWAYS);
        column.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        HBox row = new HBox(10, avatar.node(), column, spacer);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    /** Draws the row again, measured again (a list keeps a row's height until it refreshes). */
    private void redraw(String key) {
        MessageItem m = getItem();
        if (m != null && !isEmpty() && m.key().equals(key) && getListView() != null) {
            getListView().refresh();
        }
    }

    /** Whether this is the list's hidden measuring cell (it sits in an invisible group of the list's flow). */
    private boolean measuring() {
        Parent p = getParent();
        return p != null && !p.isVisible();
    }

    @Override
    protected void updateItem(MessageItem m, boolean empty) {
        super.updateItem(m, empty);
        setText(null);
        setContextMenu(null);
        known = -1;
        if (empty || m == null) {
            clear();
            return;
        }
        if (measuring()) {
            // its own width is what its group last gave it; the list measures every row at one width
            double width = heights.width();
            double h = heights.of(m, width, bubbleWidth.get());
            if (h >= 0) {
                known = h;
                knownWidth = width;
                clear();
                return;
            }
        }
        show(m);
    }

    private void show(MessageItem m) {
        shown = m;
        body.setManaged(true);
        body.setVisible(true);
        body.setMouseTransparent(false);
        Node row = m.isNotice() || m.recalled() ? notice(m) : message(m);
        KeptNodes.place(body.getChildren(), dividerAbove(m) ? List.of(divider, row) : List.of(row));
        Node graphic = SelectableRow.wrap(vm.selection(), m, body);
        if (getGraphic() != graphic) {
            setGraphic(graphic);
        }
    }

    /**
     * An empty cell, or the measuring cell answering from {@link RowHeights}: the kept nodes stay in the cell, hidden
     * and out of its size, with what a user or a test could find in them taken out.
     */
    private void clear() {
        shown = null;
        body.setManaged(false);
        body.setVisible(false);
        body.getChildren().remove(divider);
        KeptNodes.place(column.getChildren(), List.of(sender)); // the bubble, badges and status go
        sender.setText("");
        notice.setText("");
        avatar.node().setText("");
        readLabel.setId(null);
        if (getGraphic() != null && getGraphic() != body) {
            setGraphic(null); // a selection mode box
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        if (known >= 0 && (width == knownWidth || width <= 0)) { // <= 0: its group sizing it, not the list
            return known;
        }
        MessageItem item = getItem();
        if (known >= 0 && item != null) { // asked at another width: built and measured after all
            known = -1;
            show(item);
            applyCss();
        }
        double h = super.computePrefHeight(width);
        MessageItem m = shown; // the cell's item, built
        if (m != null) {
            heights.measured(m, width, bubbleWidth.get(), h);
        }
        return h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return known >= 0 && (width == knownWidth || width <= 0) ? known : super.computeMinHeight(width);
    }

    private boolean dividerAbove(MessageItem m) {
        if (m.seq() == 0 || m.seq() != vm.firstNewProperty().get()) {
            return false;
        }
        if (!measuring()) {
            vm.firstNewSeen();
        }
        return true;
    }

    private Node notice(MessageItem m) {
        String who = m.mine() ? vm.words().texts().get("message.you") : m.senderName();
        notice.setText(
                m.recalled()
                        ? vm.words().texts().format("message.recalledBy", who)
                        : vm.noticeText(m, (Content.Notice) m.content()));
        return noticeRow;
    }

    private Node message(MessageItem m) {
        sender.setText(
                m.mine()
                        ? vm.words().bubbleTime(m.timeMs())
                        : m.senderName() + "   " + vm.words().bubbleTime(m.timeMs()));
        List<Node> parts = new ArrayList<>(4);
        parts.add(header(m));
        parts.add(m.isImage() ? images.bubble(m) : m.isFile() ? fileBubble(m) : textBubble(m));
        TransferState imageUpload = m.isImage() ? vm.transfer(m) : null;
        if (imageUpload != null) {
            parts.add(progressBar(imageUpload, ImageBubbles.MAX * 0.75));
        }
        Node status = status(m);
        if (status != null) {
            parts.add(status);
        }
        KeptNodes.place(column.getChildren(), parts);
        column.setAlignment(m.mine() ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        avatar.show(m.senderId(), MessageTexts.initials(m.senderName()));
        hover.install(avatar.node(), m.senderId());
        if (!m.mine()) {
            hover.install(sender, m.senderId());
        }
        sender.setMouseTransparent(m.mine()); // the time above one's own bubble: no card
        messageRow.setNodeOrientation(m.mine() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.INHERIT);
        return messageRow;
    }

    /** The sender and time, with the "forwarded" mark and the "@ you" badge after it when the message has them. */
    private Node header(MessageItem m) {
        boolean mentioned = vm.mentionsMe(m);
        if (!mentioned && !m.forwarded()) {
            return sender;
        }
        HBox line = new HBox(6, sender);
        if (m.forwarded()) {
            Label mark = new Label(vm.words().texts().get("message.forwarded"), new FontIcon(Feather.SHARE));
            mark.getStyleClass().add("forwarded-mark");
            line.getChildren().add(mark);
        }
        if (mentioned) {
            Label badge = new Label(vm.words().texts().get("message.mentionedYou"));
            badge.getStyleClass().add("mention-badge");
            line.getChildren().add(badge);
        }
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Region textBubble(MessageItem m) {
        String text = m.content() instanceof Content.Text t ? t.text() : "";
        boolean large = emoji.catalog().onlyEmoji(text, LARGE_EMOJI_MAX);
        Quote quote = m.quote();
        Region bubble;
        if (quote == null) {
            BubbleText.fill(plainBubble, text, large, emoji, openLink);
            KeptNodes.styleClass(plainBubble, "emoji-only", large);
            bubble = plainBubble;
        } else {
            BubbleText.fill(quotedText, text, large, emoji, openLink);
            VBox block = QuoteBlock.of(quote, vm.quoteSender(quote), emoji, vm.words());
            block.setId("quote-" + m.seq());
            block.setOnMouseClicked(e -> vm.reveal(quote.seq()));
            block.setCursor(Cursor.HAND);
            KeptNodes.place(quotedBubble.getChildren(), List.of(block, quotedText));
            bubble = quotedBubble;
        }
        bubble.pseudoClassStateChanged(MINE, m.mine());
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
        box.pseudoClassStateChanged(MINE, m.mine());
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

    private @Nullable Node status(MessageItem m) {
        if (m.status() == DeliveryStatus.SENT && vm.readReceipts().applies(m)) {
            return readers(m);
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
    private Label readers(MessageItem m) {
        readLabel.setId("read-" + m.seq());
        boolean listable = vm.readReceipts().listable(m);
        KeptNodes.styleClass(readLabel, "read-link", listable);
        readLabel.setCursor(listable ? Cursor.HAND : null);
        showReadersOf(m);
        return readLabel;
    }

    /** The read marks changed: the read label says so. */
    private void showReaders() {
        MessageItem m = shown;
        if (m != null && readLabel.getParent() != null) {
            showReadersOf(m);
        }
    }

    private void showReadersOf(MessageItem m) {
        ReadReceipts receipts = vm.readReceipts();
        readLabel.setText(receipts.label(m));
        readLabel.pseudoClassStateChanged(UNREAD, !receipts.allRead(m));
    }
}
