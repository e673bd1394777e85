package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * The chat's file transfers: the running ones by row key (progress, cancel) and where received files were saved (to
 * offer "open"). Downloads save into the chosen place or, with "download", into the download folder; files that
 * auto-receive saves by itself (whichever conversation is open, see {@link ChatPort#autoReceived}) are followed here.
 */
final class Transfers {
    private final ChatPort port;
    private final long conversationId;
    private final MessageTexts words;
    private final Executor fxThread;
    private final Consumer<String> notice;
    private final ReceiveSettings settings;
    private final ObservableMap<String, TransferState> running = FXCollections.observableHashMap();
    private final ObservableMap<String, Path> saved = FXCollections.observableHashMap();

    Transfers(
            ChatPort port,
            long conversationId,
            MessageTexts words,
            Executor fxThread,
            Consumer<String> notice,
            ReceiveSettings settings) {
        this.port = port;
        this.conversationId = conversationId;
        this.words = words;
        this.fxThread = fxThread;
        this.notice = notice;
        this.settings = settings;
    }

    ObservableMap<String, TransferState> running() {
        return running;
    }

    ObservableMap<String, Path> saved() {
        return saved;
    }

    /** Starts following an upload of the row {@code key}; the caller passes the state to the port as its listener. */
    TransferState upload(String key) {
        TransferState s = new TransferState(true, 0, fxThread);
        running.put(key, s);
        return s;
    }

    void finished(String key) {
        running.remove(key);
    }

    /** Saves a received file or folder to {@code target} (from "save as"). */
    void saveAs(MessageItem m, Path target) {
        start(m, s -> port.download(conversationId, m.seq(), target, s));
    }

    /** Saves into the download folder under the file's own name. */
    void receive(MessageItem m) {
        start(m, s -> port.receive(conversationId, m.seq(), settings.downloadFolder(), s));
    }

    /**
     * Follows what auto-receive is saving or saved of the files and folders others sent: a running one shows its
     * progress (and can be cancelled), a saved one offers "open".
     */
    void follow(Iterable<MessageItem> rows) {
        recall(rows);
        for (MessageItem m : rows) {
            if (m.mine()
                    || m.seq() == 0
                    || m.recalled()
                    || !(m.content() instanceof Content.File || m.content() instanceof Content.Folder)
                    || saved.containsKey(m.key())
                    || running.containsKey(m.key())) {
                continue;
            }
            TransferState s = new TransferState(false, size(m.content()), fxThread);
            port.autoReceived(conversationId, m.seq(), s).ifPresent(work -> {
                if (work.isDone() && !work.isCompletedExceptionally()) {
                    saved.put(m.key(), work.join());
                } else if (!work.isDone()) {
                    running.put(m.key(), s);
                    track(m, s, work);
                }
            });
        }
    }

    /**
     * Asks the port where this device keeps the files and folders of {@code rows} (saved earlier, or sent from here),
     * so a chat opened again, or after a restart, offers "open" for them, not "download".
     */
    private void recall(Iterable<MessageItem> rows) {
        Map<String, String> keyByRef = new HashMap<>();
        for (MessageItem m : rows) {
            if (m.seq() > 0
                    && !m.recalled()
                    && (m.content() instanceof Content.File || m.content() instanceof Content.Folder)
                    && !saved.containsKey(m.key())) {
                keyByRef.put(ref(m), m.key());
            }
        }
        if (keyByRef.isEmpty()) {
            return;
        }
        var unused = port.savedFiles(conversationId, List.copyOf(keyByRef.keySet()))
                .thenAcceptAsync(
                        found -> found.forEach((ref, path) -> {
                            String key = keyByRef.get(ref);
                            if (key != null && !running.containsKey(key)) {
                                saved.putIfAbsent(key, path);
                            }
                        }),
                        fxThread);
    }

    /** How the port names a stored message's file: an own one by its client message id, others by seq. */
    static String ref(MessageItem m) {
        return m.mine() && !m.clientMessageId().isEmpty() ? "c" + m.clientMessageId() : "s" + m.seq();
    }

    private void start(MessageItem m, java.util.function.Function<TransferState, CompletableFuture<Path>> call) {
        if (!m.isFile() || m.seq() == 0 || running.containsKey(m.key())) {
            return;
        }
        TransferState s = new TransferState(false, size(m.content()), fxThread);
        running.put(m.key(), s);
        notice.accept(words.texts().get("chat.saving"));
        track(m, s, call.apply(s));
    }

    private void track(MessageItem m, TransferState s, CompletableFuture<Path> work) {
        s.track(work);
        var unused = work.whenCompleteAsync(
                (path, failure) -> {
                    running.remove(m.key());
                    if (path != null) {
                        saved.put(m.key(), path);
                        notice.accept(words.texts().format("chat.saved", path.toString()));
                    } else if (cancelled(failure)) {
                        notice.accept(words.texts().get("chat.transferCancelled"));
                    } else {
                        notice.accept(words.texts().get(ChatFailures.textKey(failure)));
                    }
                },
                fxThread);
    }

    /** Stops the transfer of a row; true when one was running. */
    boolean cancel(MessageItem m) {
        TransferState s = running.remove(m.key());
        if (s == null) {
            return false;
        }
        s.cancel();
        return true;
    }

    @Nullable
    TransferState of(MessageItem m) {
        return running.get(m.key());
    }

    @Nullable
    Path savedFile(MessageItem m) {
        return saved.get(m.key());
    }

    static boolean cancelled(@Nullable Throwable failure) {
        Throwable c = failure;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof CancellationException;
    }

    private static long size(Content c) {
        if (c instanceof Content.File f) {
            return f.size();
        }
        if (c instanceof Content.Folder f) {
            return f.size();
        }
        return c instanceof Content.Image i ? i.size() : 0;
    }
}
