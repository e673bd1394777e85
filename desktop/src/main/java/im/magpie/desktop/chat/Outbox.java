package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * What the user sends from one chat: texts and files (shown as "sending" rows at once), their delivery status, the
 * failed ones with "retry".
 */
final class Outbox {
    private final long conversationId;
    private final ChatPort port;
    private final MessageTexts words;
    private final Clock clock;
    private final Executor fxThread;
    private final MessageRows rows;
    private final ObservableList<MessageItem> items;
    private final RowMaker maker;
    private final ChatImages images;
    private final Transfers transfers;
    private final Consumer<String> notice;

    Outbox(
            long conversationId,
            ChatPort port,
            MessageTexts words,
            Clock clock,
            Executor fxThread,
            MessageRows rows,
            RowMaker maker,
            ChatImages images,
            Transfers transfers,
            Consumer<String> notice) {
        this.conversationId = conversationId;
        this.port = port;
        this.words = words;
        this.clock = clock;
        this.fxThread = fxThread;
        this.rows = rows;
        this.items = rows.items();
        this.maker = maker;
        this.images = images;
        this.transfers = transfers;
        this.notice = notice;
    }

    void sendText(OutgoingText out) {
        long now = clock.millis();
        Content content = out.content();
        var unused = port.sendText(conversationId, out)
                .whenCompleteAsync(
                        (clientId, failure) -> {
                            if (clientId != null) {
                                if (rows.indexOfClientId(clientId) < 0) {
                                    items.add(maker.pending(clientId, now, content, null));
                                }
                            } else {
                                String key = "f" + UUID.randomUUID();
                                items.add(maker.pending(key, now, content, null).withStatus(DeliveryStatus.FAILED));
                                notice.accept(words.texts().get(ChatFailures.textKey(failure)));
                            }
                        },
                        fxThread);
    }

    /** Uploads and sends a file or a whole folder; the bubble shows "sending" until the server has it. */
    void sendPath(Path path, boolean folder) {
        String localId = "u" + UUID.randomUUID();
        Path name = path.getFileName();
        String shown = name == null ? path.toString() : name.toString();
        Content content = folder
                ? new Content.Folder(shown, 0, 0)
                : Content.Image.shows("", shown) ? new Content.Image(shown, 0) : new Content.File(shown, 0);
        MessageItem uploading = maker.pending(localId, clock.millis(), content, path);
        items.add(uploading);
        TransferState progress = transfers.upload(uploading.key());
        CompletableFuture<String> work = port.sendFile(conversationId, path, folder, progress);
        progress.track(work);
        var unused = work.whenCompleteAsync(
                (clientId, failure) -> {
                    transfers.finished(uploading.key());
                    int at = rows.indexOf(uploading.key());
                    if (at < 0) {
                        return;
                    }
                    if (Transfers.cancelled(failure)) {
                        items.remove(at);
                        notice.accept(words.texts().get("chat.transferCancelled"));
                        return;
                    }
                    if (clientId != null) {
                        if (content instanceof Content.Image) {
                            images.sent(clientId, path);
                        }
                        items.set(at, items.get(at).withClientMessageId(clientId));
                    } else {
                        items.set(at, items.get(at).withStatus(DeliveryStatus.FAILED));
                        notice.accept(words.texts().get(ChatFailures.textKey(failure)));
                    }
                },
                fxThread);
    }

    /** Sends a failed message again. */
    void retry(MessageItem failed) {
        int at = rows.indexOf(failed.key());
        if (at < 0 || failed.status() != DeliveryStatus.FAILED) {
            return;
        }
        items.remove(at);
        Path local = failed.localFile();
        if (local != null) {
            sendPath(local, failed.content() instanceof Content.Folder);
        } else if (failed.content() instanceof Content.Text t) {
            sendText(new OutgoingText(t.text(), t.mentions(), t.mentionAll(), t.quote()));
        }
    }

    /** The server acknowledged (SENT) or refused (FAILED) the message with this client id. */
    void setStatus(String clientId, DeliveryStatus status) {
        int at = rows.indexOfClientId(clientId);
        if (at >= 0 && items.get(at).seq() == 0) {
            items.set(at, items.get(at).withStatus(status));
        }
    }
}
