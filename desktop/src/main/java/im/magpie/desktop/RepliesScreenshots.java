package im.magpie.desktop;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.ChatViewModel;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.chat.MessageItem;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group chat with a quoted reply, a forwarded message and the "read by" popover open, for the screenshot
 * command. The first run sends the reply (quoting the newest message of a colleague) and forwards the newest
 * message of the first direct chat into the group; later runs find them and send nothing.
 */
final class RepliesScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(RepliesScreenshots.class);
    static final String REPLY = "收到，评审材料我今天下班前整理好发到群里 👍";

    private final Stage stage;
    private final ClientBackend backend;

    RepliesScreenshots(Stage stage, ClientBackend backend) {
        this.stage = stage;
        this.backend = backend;
    }

    /** Sends the quoted reply and the forward into the open group chat unless it shows them already. */
    void prepare(List<ConversationRow> rows) {
        ChatViewModel vm = openChat();
        if (vm == null || vm.conversation().kind() != ConversationKind.GROUP) {
            LOG.warn("screenshots: no group chat open for the replies shot");
            return;
        }
        long group = vm.conversation().id();
        if (vm.items().stream().noneMatch(MessageItem::forwarded)) {
            rows.stream()
                    .filter(r -> r.kind() == ConversationKind.DIRECT)
                    .min(java.util.Comparator.comparingLong(ConversationRow::id))
                    .ifPresent(direct -> forwardNewest(direct.id(), group));
        }
        if (vm.items().stream().noneMatch(m -> m.quote() != null)) {
            Optional<MessageItem> theirs = vm.items().stream()
                    .filter(m -> !m.mine() && m.seq() > 0 && !m.recalled() && m.content() instanceof Content.Text)
                    .reduce((a, b) -> b);
            theirs.ifPresent(m -> {
                vm.quote(m);
                vm.draftProperty().set(REPLY);
                vm.send();
            });
        }
    }

    private void forwardNewest(long direct, long group) {
        var unused = backend.messages(direct, Long.MAX_VALUE, 20).thenCompose(page -> {
            Optional<Message> newest =
                    page.stream().filter(m -> !m.isNotice() && !m.recalled()).reduce((a, b) -> b);
            return newest.map(m -> backend.forward(direct, m.seq(), List.of(group)))
                    .orElse(java.util.concurrent.CompletableFuture.completedFuture(List.of()));
        });
    }

    /** Clicks the "N read" label of the newest own message, which opens the popover of readers. */
    void openReadBy() {
        NodeClicks.clickNewest(stage.getScene(), ".read-link", "no read-by label in the open chat");
    }

    private @Nullable ChatViewModel openChat() {
        Node pane = stage.getScene().lookup(".chat-pane");
        return pane != null && pane.getProperties().get(ChatViewModel.class) instanceof ChatViewModel vm ? vm : null;
    }
}
