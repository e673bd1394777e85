package im.magpie.desktop.chat;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Makes the chat's rows from stored messages and from this device's messages on their way. */
final class RowMaker {
    private final long self;
    private final SenderNames names;
    private final ChatImages images;

    RowMaker(long self, SenderNames names, ChatImages images) {
        this.self = self;
        this.names = names;
        this.images = images;
    }

    MessageItem stored(Message m) {
        return new MessageItem(
                MessageItem.storedKey(m.seq()),
                m.seq(),
                m.senderId(),
                names.name(m.senderId()),
                m.senderId() == self,
                m.timeMs(),
                m.content(),
                m.recalled(),
                DeliveryStatus.SENT,
                m.clientMessageId(),
                images.localCopy(m),
                m.forwarded());
    }

    /** A row of the user's own message on its way (key {@code "c" + clientId}); {@code local}: the file it uploads. */
    MessageItem pending(String clientId, long createdMs, Content content, @Nullable Path local) {
        return new MessageItem(
                "c" + clientId,
                0,
                self,
                names.name(self),
                true,
                createdMs,
                content,
                false,
                DeliveryStatus.SENDING,
                clientId,
                local,
                false);
    }
}
