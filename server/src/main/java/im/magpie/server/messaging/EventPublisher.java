package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.Collection;

/**
 * Port through which messaging tells devices that something changed. Implemented by {@code push};
 * calls must not block (the implementation coalesces and writes on the event loop).
 */
public interface EventPublisher {
    /** The conversation's log advanced to {@code seq}; every device of {@code audience} should sync. */
    void conversationAdvanced(ConversationId conversation, long seq, Collection<UserId> audience);
}
