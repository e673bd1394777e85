package im.magpie.desktop;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.ConversationRow;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.notify.Incoming;
import im.magpie.desktop.notify.NotificationsViewModel;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshot states of the notifications, the history viewer, the @mention popup and the conversation list's pin and
 * mute marks: each a small step that {@link Screenshots} schedules.
 */
final class FeatureScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureScreenshots.class);
    static final String HISTORY_QUERY_ZH = "会议";
    static final String HISTORY_QUERY_EN = "review";
    static final int POPUP_MESSAGES = 3;

    private final DesktopApp app;
    private final ClientBackend backend;
    private final Stage stage;

    FeatureScreenshots(DesktopApp app, ClientBackend backend, Stage stage) {
        this.app = app;
        this.backend = backend;
        this.stage = stage;
    }

    /** Pins the first group and mutes the second one (or else a direct chat), so the list shows both marks. */
    static void pinAndMute(@Nullable MainViewModel vm) {
        if (vm == null) {
            return;
        }
        List<ConversationRow> groups = ofKind(vm, ConversationKind.GROUP);
        List<ConversationRow> directs = ofKind(vm, ConversationKind.DIRECT);
        if (!groups.isEmpty() && !groups.get(0).pinned()) {
            vm.setPinned(groups.get(0).id(), true);
        }
        Optional<ConversationRow> mute = groups.size() > 1
                ? Optional.of(groups.get(1))
                : directs.stream().skip(1).findFirst();
        mute.filter(r -> !r.muted()).ifPresent(r -> vm.setMuted(r.id(), true));
    }

    private static List<ConversationRow> ofKind(MainViewModel vm, ConversationKind kind) {
        return vm.rows().stream()
                .filter(r -> r.kind() == kind)
                .sorted(Comparator.comparingLong(ConversationRow::id))
                .toList();
    }

    /**
     * Pops up the newest messages from others of a group (several, folded into one pop-up) and of a direct chat that is
     * not open, as if they had just arrived (they are real stored messages, re-announced with the time of now).
     */
    void popUpNotifications(@Nullable MainViewModel vm) {
        NotificationComponents n = app.notifications();
        if (vm == null || n == null) {
            return;
        }
        long open = vm.selectedIdProperty().get();
        List<ConversationRow> rows = vm.rows().stream()
                .filter(r -> r.id() != open && !r.muted() && r.kind() != ConversationKind.SELF)
                .sorted(Comparator.comparing((ConversationRow r) -> r.kind() != ConversationKind.GROUP))
                .limit(2)
                .toList();
        CompletableFuture<List<Incoming>> all = CompletableFuture.completedFuture(List.of());
        for (ConversationRow r : rows) {
            CompletableFuture<List<Incoming>> one = recent(r, r.kind() == ConversationKind.GROUP ? POPUP_MESSAGES : 1);
            all = all.thenCombine(one, (a, b) -> {
                List<Incoming> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        NotificationsViewModel notify = n.viewModel();
        var unused = all.whenComplete((arriving, failure) -> {
            if (arriving != null) {
                notify.arrived(arriving); // hops to the FX thread itself
            } else {
                LOG.warn("screenshots: cannot read the messages for the pop-ups", failure);
            }
        });
    }

    /** The newest {@code count} messages from others of a conversation, re-announced with the time of now. */
    private CompletableFuture<List<Incoming>> recent(ConversationRow r, int count) {
        long self = backend.selfUserId();
        return backend.messages(r.id(), Long.MAX_VALUE, 30).thenCompose(page -> {
            List<Message> from = page.stream()
                    .filter(m -> m.senderId() != self && !m.recalled() && !m.isNotice())
                    .toList();
            List<Message> last = from.subList(Math.max(0, from.size() - count), from.size());
            return backend.displayNames(last.stream().map(Message::senderId).toList())
                    .thenApply(names -> last.stream()
                            .map(m -> new Incoming(
                                    r.id(),
                                    m.seq() + 1_000_000, // newer than anything the pop-ups have seen
                                    r.kind(),
                                    r.kind() == ConversationKind.GROUP ? r.name() : "",
                                    false,
                                    m.senderId(),
                                    names.getOrDefault(m.senderId(), "#" + m.senderId()),
                                    System.currentTimeMillis(),
                                    m.content(),
                                    false))
                            .toList());
        });
    }

    /** The window with the notification pop-ups drawn at its bottom right, as on a maximised window. */
    BufferedImage withNotifications() {
        // the window alone: the real pop-up window sits at the screen's corner, not the window's
        BufferedImage out = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
        NotificationComponents n = app.notifications();
        if (n == null) {
            return out;
        }
        Region stack = n.popups().stack();
        SnapshotParameters clear = new SnapshotParameters();
        clear.setFill(Color.TRANSPARENT);
        BufferedImage popups = SwingFXUtils.fromFXImage(stack.snapshot(clear, null), null);
        Graphics2D g = out.createGraphics();
        g.drawImage(popups, out.getWidth() - popups.getWidth() - 4, out.getHeight() - popups.getHeight() - 4, null);
        g.dispose();
        return out;
    }

    void dismissNotifications() {
        NotificationComponents n = app.notifications();
        if (n != null) {
            List.copyOf(n.viewModel().shown()).forEach(x -> n.viewModel().dismiss(x.conversationId()));
        }
    }

    /** Opens the history viewer (all conversations) and searches for a word the screenshot data holds. */
    void searchHistory(String query) {
        if (stage.getScene().lookup("#rail-history") instanceof Button b) {
            b.fire();
        }
        Stage history = history();
        if (history == null) {
            LOG.warn("screenshots: the history viewer did not open");
            return;
        }
        if (history.getScene().lookup("#history-text") instanceof TextField text
                && history.getScene().lookup("#history-search") instanceof Button search) {
            text.setText(query);
            search.fire();
        }
    }

    /** The history viewer window, when one is open. */
    @Nullable
    Stage history() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s
                    && s != stage
                    && s.isShowing()
                    && s.getScene().lookup("#history-text") != null) {
                return s;
            }
        }
        return null;
    }

    void closeHistory() {
        Stage h = history();
        if (h != null) {
            h.close();
        }
    }

    /** Types "@" in the open chat's composer, which opens the @mention list of a group. */
    void typeMention() {
        Node input = stage.getScene().lookup("#input");
        if (input instanceof TextArea area) {
            area.requestFocus();
            area.setText("@");
            area.positionCaret(1);
        }
    }

    void clearComposer() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof javafx.stage.PopupWindow p && p.getOwnerWindow() == stage) {
                p.hide();
            }
        }
        if (stage.getScene().lookup("#input") instanceof TextArea area) {
            area.clear();
        }
    }
}
