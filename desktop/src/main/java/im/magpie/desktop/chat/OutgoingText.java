package im.magpie.desktop.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text message the chat sends: the text, the members it @mentions, whether it @mentions everyone, and the message
 * it replies to ({@code null} for none).
 */
public record OutgoingText(
        String text,
        List<Long> mentions,
        boolean mentionAll,
        @Nullable Quote quote) {
    public OutgoingText {
        mentions = List.copyOf(mentions);
    }

    /** Plain text: no mentions, no quote. */
    public static OutgoingText of(String text) {
        return new OutgoingText(text, List.of(), false, null);
    }

    /** What the bubble of this message shows while it is on its way. */
    Content.Text content() {
        return new Content.Text(text, mentions, mentionAll, quote);
    }
}
