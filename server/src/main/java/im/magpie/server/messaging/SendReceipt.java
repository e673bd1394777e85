package im.magpie.server.messaging;

import java.time.Instant;

/** The reply to a send: where the message sits in the log and when it was first stored. */
public record SendReceipt(ConversationId conversation, long seq, Instant serverTime) {}
