package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.List;

/**
 * What the server must know about an otherwise opaque message body: who is mentioned and which
 * uploaded files it references. The transport extracts these when it decodes the body.
 */
public record MessageFacts(List<UserId> mentions, boolean mentionAll, List<String> fileIds) {
    public static final MessageFacts NONE = new MessageFacts(List.of(), false, List.of());
}
