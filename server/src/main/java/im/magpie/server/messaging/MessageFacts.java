package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server must know about an otherwise opaque message body: who is mentioned, which uploaded files it
 * references and which message it quotes ({@code null} for none). The transport extracts these when it decodes the
 * body.
 */
public record MessageFacts(
        List<UserId> mentions,
        boolean mentionAll,
        List<String> fileIds,
        @Nullable QuotedMessage quote) {
    public static final MessageFacts NONE = new MessageFacts(List.of(), false, List.of());

    /** Facts of a message that quotes nothing. */
    public MessageFacts(List<UserId> mentions, boolean mentionAll, List<String> fileIds) {
        this(mentions, mentionAll, fileIds, null);
    }
}
