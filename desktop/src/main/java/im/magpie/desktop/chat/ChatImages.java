package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The pictures of one chat's rows: received images are downloaded once (up to {@link #AUTO_IMAGE_BYTES}) and each row
 * shows its image when it is there; sent images are shown from the file that was sent.
 */
final class ChatImages {
    /** Received images up to this size are downloaded at once and shown inline. */
    static final long AUTO_IMAGE_BYTES = 20L * 1024 * 1024;

    private final ChatPort port;
    private final long conversationId;
    private final MessageRows rows;
    private final ObservableList<MessageItem> items;
    private final Executor fxThread;
    private final BooleanSupplier disposed;
    /** Local copies of images by row key ({@code s<seq>}) or client message id ({@code c<id>}). */
    private final Map<String, Path> localImages = new HashMap<>();

    private final Set<String> imagesAsked = new HashSet<>();

    ChatImages(
            ChatPort port,
            long conversationId,
            MessageRows rows,
            ObservableList<MessageItem> items,
            Executor fxThread,
            BooleanSupplier disposed) {
        this.port = port;
        this.conversationId = conversationId;
        this.rows = rows;
        this.items = items;
        this.fxThread = fxThread;
        this.disposed = disposed;
    }

    /** The local copy of a stored image message, when this device has one; null otherwise. */
    @Nullable
    Path localCopy(Message m) {
        if (!(m.content() instanceof Content.Image)) {
            return null;
        }
        Path image = localImages.get(MessageItem.storedKey(m.seq()));
        if (image == null && !m.clientMessageId().isEmpty()) {
            image = localImages.get("c" + m.clientMessageId());
        }
        return image;
    }

    /** The stored message with this client message id shows {@code file}, the picture that was sent. */
    void sent(String clientMessageId, Path file) {
        localImages.put("c" + clientMessageId, file);
    }

    /** Downloads the received images of {@code shown} not asked for yet; each row shows its image once it is in. */
    void fetch(List<MessageItem> shown) {
        for (MessageItem m : shown) {
            if (m.content() instanceof Content.Image img
                    && m.localFile() == null
                    && m.seq() > 0
                    && !m.recalled()
                    && img.size() <= AUTO_IMAGE_BYTES
                    && imagesAsked.add(m.key())) {
                var unused = port.image(conversationId, m.seq())
                        .whenCompleteAsync(
                                (file, failure) -> {
                                    if (file == null || disposed.getAsBoolean()) {
                                        return;
                                    }
                                    localImages.put(m.key(), file);
                                    int at = rows.indexOf(m.key());
                                    if (at >= 0) {
                                        items.set(at, items.get(at).withLocalFile(file));
                                    }
                                },
                                fxThread);
            }
        }
    }
}
