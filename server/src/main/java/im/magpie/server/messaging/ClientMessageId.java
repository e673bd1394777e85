package im.magpie.server.messaging;

import java.util.UUID;

/** The sender's id for a message (a UUID), stable across retries; (sender, id) is unique. */
public record ClientMessageId(UUID value) {
    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} otherwise. */
    public static ClientMessageId parse(String text) {
        if (text.length() != 36) {
            throw new IllegalArgumentException("client message id must be a UUID");
        }
        return new ClientMessageId(UUID.fromString(text));
    }
}
