package im.magpie.server.messaging;

import im.magpie.server.account.UserId;
import java.time.Instant;

/** One entry of a conversation log, as returned by sync and history. */
public record LogEntry(ConversationId conversation, long seq, UserId actor, Instant serverTime, Change change) {}
