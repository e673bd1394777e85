package im.magpie.desktop.chat;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One row of the chat: a stored message ({@code seq > 0}) or one of this device's messages on its way
 * ({@code seq == 0}; {@code localFile} is what to upload again on retry). For images {@code localFile} is also the
 * local copy that is shown (the sent file, or the downloaded one). {@code forwarded}: shows the "forwarded" mark.
 */
public record MessageItem(
        String key,
        long seq,
        long senderId,
        String senderName,
        boolean mine,
        long timeMs,
        Content content,
        boolean recalled,
        DeliveryStatus status,
        String clientMessageId,
        @Nullable Path localFile,
        boolean forwarded) {

    public boolean isNotice() {
        return content instanceof Content.Notice;
    }

    public boolean isFile() {
        return content instanceof Content.File || content instanceof Content.Folder || content instanceof Content.Image;
    }

    public boolean isImage() {
        return content instanceof Content.Image;
    }

    /** The same row with a local copy of its file (an image to show). */
    MessageItem withLocalFile(Path file) {
        return new MessageItem(
                key,
                seq,
                senderId,
                senderName,
                mine,
                timeMs,
                content,
                recalled,
                status,
                clientMessageId,
                file,
                forwarded);
    }

    MessageItem withStatus(DeliveryStatus s) {
        return new MessageItem(
                key,
                seq,
                senderId,
                senderName,
                mine,
                timeMs,
                content,
                recalled,
                s,
                clientMessageId,
                localFile,
                forwarded);
    }

    /** The same row showing {@code c} (a reply that learnt its quoted message was recalled). */
    MessageItem withContent(Content c) {
        return new MessageItem(
                key,
                seq,
                senderId,
                senderName,
                mine,
                timeMs,
                c,
                recalled,
                status,
                clientMessageId,
                localFile,
                forwarded);
    }

    MessageItem withClientMessageId(String id) {
        return new MessageItem(
                key, seq, senderId, senderName, mine, timeMs, content, recalled, status, id, localFile, forwarded);
    }

    /** The quote of a reply; null for other messages. */
    public @Nullable Quote quote() {
        return content instanceof Content.Text t ? t.quote() : null;
    }

    static String storedKey(long seq) {
        return "s" + seq;
    }
}
