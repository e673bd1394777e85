package im.magpie.server.messaging;

import java.util.List;

/**
 * A conversation as one viewer sees it now. {@code active} is false once the viewer left or was
 * removed; {@code members} then still lists the members at that moment.
 */
public record ConversationState(
        ConversationId id, ConversationKind kind, String title, List<Member> members, long lastSeq, boolean active) {}
