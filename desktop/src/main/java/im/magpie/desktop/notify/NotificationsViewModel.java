package im.magpie.desktop.notify;

import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.ConversationKind;
import im.magpie.desktop.chat.MessageTexts;
import im.magpie.desktop.settings.Preferences;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Decides which arriving messages pop up and sound, and keeps the pop-ups shown (newest first, at most
 * {@link #MAX_SHOWN}, one per conversation: more messages of the same conversation update its pop-up).
 *
 * <p>A message notifies when it is from someone else (not from the user's own other devices), not recalled, not a
 * notice, arrived live (its server time at most {@link #LIVE_WINDOW} old: a catch-up sync of history after a login
 * or a long disconnection stays quiet), its conversation is not muted (an @mention of the user notifies even there)
 * and not the one the user is looking at, and the user has not turned notifications off. The sound (if on) plays at
 * most once every {@link #SOUND_GAP}. Changes of the preferences apply at once.
 *
 * <p>A file or folder that auto-receive saved says so in its conversation's pop-up ("已接收 报告.pdf") under the same
 * rules, except that it need not be live: files that arrived while the user was offline are saved, and told, after
 * the reconnect.
 */
public final class NotificationsViewModel implements IncomingListener {
    static final int MAX_SHOWN = 3;
    static final Duration LIVE_WINDOW = Duration.ofMinutes(2);
    static final Duration SOUND_GAP = Duration.ofSeconds(2);

    private final NotifyPort port;
    private final MessageTexts words;
    private final Preferences prefs;
    private final Sound sound;
    private final ChatWindow window;
    private final Clock clock;
    private final Executor fxThread;
    private final ObservableList<Notice> shown = FXCollections.observableArrayList();
    private final Map<Long, Long> seen = new HashMap<>();
    private long lastSoundMs = Long.MIN_VALUE;

    public NotificationsViewModel(
            NotifyPort port,
            MessageTexts words,
            Preferences prefs,
            Sound sound,
            ChatWindow window,
            Clock clock,
            Executor fxThread) {
        this.port = port;
        this.words = words;
        this.prefs = prefs;
        this.sound = sound;
        this.window = window;
        this.clock = clock;
        this.fxThread = fxThread;
        prefs.notificationsProperty().addListener((o, was, now) -> {
            if (!now) {
                shown.clear();
            }
        });
    }

    /** Starts listening to arriving messages. */
    public void start() {
        port.addIncomingListener(this);
    }

    public void dispose() {
        port.removeIncomingListener(this);
        shown.clear();
    }

    /** The pop-ups, newest first. */
    public ObservableList<Notice> shown() {
        return shown;
    }

    /** The user clicked a pop-up: the main window comes to the front with that conversation open. */
    public void open(long conversationId) {
        dismiss(conversationId);
        window.show(conversationId);
    }

    /** Closes the pop-up of a conversation (close button, or its time is up). */
    public void dismiss(long conversationId) {
        shown.removeIf(n -> n.conversationId() == conversationId);
    }

    @Override
    public void arrived(List<Incoming> messages) {
        fxThread.execute(() -> take(messages));
    }

    @Override
    public void recalled(long conversationId, long seq) {
        fxThread.execute(() -> forget(conversationId, seq));
    }

    @Override
    public void saved(Incoming m, Path path) {
        fxThread.execute(() -> {
            if (tells(m)) {
                showSaved(m, path);
            }
        });
    }

    @Override
    public void read(long conversationId, long readSeq) {
        fxThread.execute(() -> shown.removeIf(n -> n.conversationId() == conversationId && n.lastSeq() <= readSeq));
    }

    private void take(List<Incoming> messages) {
        boolean notified = false;
        for (Incoming m : messages) {
            long before = seen.getOrDefault(m.conversationId(), 0L);
            if (m.seq() <= before) {
                continue; // seen already (a changed entry stored again)
            }
            seen.put(m.conversationId(), m.seq());
            if (notifies(m)) {
                show(m);
                notified = true;
            }
        }
        if (notified && prefs.soundProperty().get()) {
            long now = clock.millis();
            if (lastSoundMs == Long.MIN_VALUE || now - lastSoundMs >= SOUND_GAP.toMillis()) {
                lastSoundMs = now;
                sound.play();
            }
        }
    }

    /** The rules of the class comment. */
    boolean notifies(Incoming m) {
        return tells(m) && m.timeMs() >= clock.millis() - LIVE_WINDOW.toMillis();
    }

    /** The rules of the class comment but the live window. */
    private boolean tells(Incoming m) {
        long self = port.selfUserId();
        return prefs.notificationsProperty().get()
                && m.senderId() != self
                && !m.recalled()
                && !(m.content() instanceof Content.Notice)
                && (!m.muted() || m.mentions(self))
                && window.focusedConversation() != m.conversationId();
    }

    private void show(Incoming m) {
        boolean group = m.kind() == ConversationKind.GROUP;
        int index = indexOf(m.conversationId());
        Notice was = index < 0 ? null : shown.remove(index);
        int count = was == null ? 1 : was.count() + 1;
        String line = words.preview(m.content(), false, m.senderName(), group);
        put(m, line, count, m.seq(), m.mentions(port.selfUserId()) || (was != null && was.mention()));
    }

    /** The saved file's line replaces its conversation's pop-up line; the count stays (no new message). */
    private void showSaved(Incoming m, Path path) {
        int index = indexOf(m.conversationId());
        Notice was = index < 0 ? null : shown.remove(index);
        Path name = path.getFileName();
        String line = words.texts().format("notify.fileSaved", name == null ? path.toString() : name.toString());
        put(
                m,
                line,
                was == null ? 1 : was.count(),
                was == null ? m.seq() : Math.max(was.lastSeq(), m.seq()),
                was != null && was.mention());
    }

    private void put(Incoming m, String line, int count, long lastSeq, boolean mention) {
        boolean group = m.kind() == ConversationKind.GROUP;
        String title = !group
                ? m.senderName()
                : m.title().isBlank() ? words.texts().get("conversation.untitledGroup") : m.title();
        shown.add(
                0,
                new Notice(
                        m.conversationId(),
                        group ? m.conversationId() : m.senderId(),
                        m.kind(),
                        title,
                        group ? "" : MessageTexts.initials(m.senderName()),
                        line,
                        count,
                        countText(count),
                        lastSeq,
                        mention));
        while (shown.size() > MAX_SHOWN) {
            shown.remove(shown.size() - 1);
        }
    }

    /** A recalled message leaves its pop-up, or the whole pop-up when it was the only one. */
    private void forget(long conversationId, long seq) {
        int index = indexOf(conversationId);
        if (index < 0) {
            return;
        }
        Notice n = shown.get(index);
        if (n.count() <= 1) {
            shown.remove(index);
            return;
        }
        String line = n.lastSeq() == seq ? words.texts().get("notify.recalled") : n.line();
        int count = n.count() - 1;
        shown.set(
                index,
                new Notice(
                        n.conversationId(),
                        n.avatarId(),
                        n.kind(),
                        n.title(),
                        n.initials(),
                        line,
                        count,
                        countText(count),
                        n.lastSeq(),
                        n.mention()));
    }

    private String countText(int count) {
        return count > 1 ? words.texts().format("notify.count", count) : "";
    }

    private int indexOf(long conversationId) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).conversationId() == conversationId) {
                return i;
            }
        }
        return -1;
    }
}
