package im.magpie.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text message to send: the text, the members it @mentions, whether it mentions everyone (group owners and admins
 * only) and the message it replies to ({@code null} for none). Start with {@link #of} and add what applies.
 */
public record OutgoingText(
        String text,
        List<Long> mentionUserIds,
        boolean mentionAll,
        @Nullable QuotedMessage quote) {
    public OutgoingText {
        mentionUserIds = List.copyOf(mentionUserIds);
    }

    /** Plain text: no mentions, no quote. */
    public static OutgoingText of(String text) {
        return new OutgoingText(text, List.of(), false, null);
    }

    public OutgoingText mentioning(List<Long> userIds) {
        return new OutgoingText(text, userIds, mentionAll, quote);
    }

    public OutgoingText mentioningAll(boolean all) {
        return new OutgoingText(text, mentionUserIds, all, quote);
    }

    public OutgoingText quoting(@Nullable QuotedMessage quoted) {
        return new OutgoingText(text, mentionUserIds, mentionAll, quoted);
    }
}
