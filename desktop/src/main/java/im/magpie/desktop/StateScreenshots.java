package im.magpie.desktop;

import im.magpie.desktop.backend.ClientBackend;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationInfo;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MainViewModel;
import im.magpie.desktop.chat.Message;
import im.magpie.desktop.chat.OutgoingText;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States a user meets now and then, for the screenshot command: a message recalled in a direct chat, the
 * "reconnecting" banner and the "signed out" dialog. The first run sends a text to the newest direct chat and recalls
 * it ({@link #prepareRecall()}, before any shot, so both languages show the same list); later runs find it and send
 * nothing. The banner and the dialog are what the main window shows when the client library reports
 * a lost connection and a session the server ended: the command tells the main window so (the server keeps running
 * and the session stays valid, so the shots after them still work).
 */
final class StateScreenshots {
    private static final Logger LOG = LoggerFactory.getLogger(StateScreenshots.class);
    static final String RECALLED = "明天的周会改到下午三点";
    private static final long WAIT_S = 30;

    private final ClientBackend backend;
    private final Stage stage;
    private long recalledIn;

    StateScreenshots(ClientBackend backend, Stage stage) {
        this.backend = backend;
        this.stage = stage;
    }

    /**
     * Sends {@link #RECALLED} to the newest direct chat (the highest id) and recalls it once it is stored, unless that
     * chat's newest messages hold a message of the user's that was recalled already.
     */
    void prepareRecall() throws InterruptedException, ExecutionException, TimeoutException {
        Optional<ConversationInfo> direct = newestDirect();
        long syncing = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (direct.isEmpty() && System.nanoTime() - syncing < 0) { // a fresh data directory: the first sync
            Thread.sleep(500);
            direct = newestDirect();
        }
        if (direct.isEmpty()) {
            LOG.warn("screenshots: no direct chat to recall a message in");
            return;
        }
        long id = direct.get().id();
        recalledIn = id;
        long self = backend.selfUserId();
        if (newest(id).stream().anyMatch(m -> m.senderId() == self && m.recalled())) {
            return;
        }
        backend.sendText(id, OutgoingText.of(RECALLED)).get(WAIT_S, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (true) {
            Optional<Message> sent = newest(id).stream()
                    .filter(m -> m.senderId() == self
                            && m.seq() > 0
                            && !m.recalled()
                            && m.content() instanceof Content.Text t
                            && t.text().equals(RECALLED))
                    .reduce((a, b) -> b);
            if (sent.isPresent()) {
                backend.recall(id, sent.get().seq()).get(WAIT_S, TimeUnit.SECONDS);
                // the user wrote in the open chat, so they read it: the list shows no unread count for it in any shot
                long last = newest(id).stream().mapToLong(Message::seq).max().orElse(0);
                backend.markRead(id, last).get(WAIT_S, TimeUnit.SECONDS);
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the message to recall was not stored in " + WAIT_S + " s");
            }
            Thread.sleep(200);
        }
    }

    private Optional<ConversationInfo> newestDirect()
            throws InterruptedException, ExecutionException, TimeoutException {
        return backend.conversations().get(WAIT_S, TimeUnit.SECONDS).stream()
                .filter(c -> c.kind() == ConversationKind.DIRECT)
                .max(Comparator.comparingLong(ConversationInfo::id));
    }

    private List<Message> newest(long conversationId)
            throws InterruptedException, ExecutionException, TimeoutException {
        return backend.messages(conversationId, Long.MAX_VALUE, 20).get(WAIT_S, TimeUnit.SECONDS);
    }

    /** Opens the direct chat of {@link #prepareRecall()}. */
    void openRecalledChat(@Nullable MainViewModel vm) {
        if (vm != null && recalledIn != 0) {
            vm.selectedIdProperty().set(recalledIn);
        }
    }

    /** What the client library tells the main window when the connection is lost: the banner shows. */
    static void loseConnection(@Nullable MainViewModel vm) {
        if (vm != null) {
            vm.connectionChanged(false);
        }
    }

    /** The main window hears the connection's real state again. */
    void reconnected(@Nullable MainViewModel vm) {
        if (vm != null) {
            vm.connectionChanged(backend.online());
        }
    }

    /** What the client library tells the main window when the server ended the session: the dialog shows. */
    static void endSession(@Nullable MainViewModel vm) {
        if (vm != null) {
            vm.sessionEnded("");
        }
    }

    /** The main window with the "signed out" dialog drawn where it is, framed as a window manager would. */
    BufferedImage withDialog() {
        Scene scene = stage.getScene();
        BufferedImage out = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        Stage d = dialog();
        if (d == null) {
            LOG.warn("screenshots: the signed-out dialog did not open");
            return out;
        }
        BufferedImage dialog = SwingFXUtils.fromFXImage(d.getScene().snapshot(null), null);
        int x = (int) Math.round(d.getX() + d.getScene().getX() - stage.getX() - scene.getX());
        int y = (int) Math.round(d.getY() + d.getScene().getY() - stage.getY() - scene.getY());
        Graphics2D g = out.createGraphics();
        for (int i = 6; i >= 1; i--) { // a soft shadow
            g.setColor(new Color(31, 35, 40, 6));
            g.fillRoundRect(x - i, y - i + 3, dialog.getWidth() + 2 * i, dialog.getHeight() + 2 * i, 12, 12);
        }
        g.drawImage(dialog, x, y, null);
        g.setColor(new Color(0xd0d7de));
        g.drawRect(x - 1, y - 1, dialog.getWidth() + 1, dialog.getHeight() + 1);
        g.dispose();
        return out;
    }

    /** Presses the dialog's "sign in again", which closes the main window for the login window. */
    void closeDialog() {
        Stage d = dialog();
        if (d != null
                && d.getScene().lookup("#signed-out") instanceof DialogPane pane
                && !pane.getButtonTypes().isEmpty()) {
            Node button = pane.lookupButton(pane.getButtonTypes().get(0));
            if (button instanceof Button b) {
                b.fire();
            }
        }
    }

    private @Nullable Stage dialog() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s
                    && s != stage
                    && s.isShowing()
                    && s.getScene().lookup("#signed-out") != null) {
                return s;
            }
        }
        return null;
    }
}
