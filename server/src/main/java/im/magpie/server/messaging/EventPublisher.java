package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.util.Collection;
import java.util.List;

/**
 * Port through which messaging tells devices that something changed. Implemented by {@code push};
 * calls must not block (the implementation coalesces and writes on the event loop).
 */
public interface EventPublisher {
    /**
     * The conversation's log advanced to {@code seq}; every device of {@code audience} should learn it.
     * {@code entries} are the entries this commit appended to the conversation, in seq order, the last at
     * {@code seq} (with plaintext bodies: the publisher may push small ones inline, never store them).
     */
    void conversationAdvanced(
            ConversationId conversation, long seq, Collection<UserId> audience, List<LogEntry> entries);

    /**
     * Runs {@code effects} (the log writer completing a commit's futures, whose callbacks reply to the senders, and
     * publishing its advances) so that every device connection they write to is written once for all of them: a
     * send's reply and the notification of the same commit leave together.
     */
    void deliverTogether(Runnable effects);
}
