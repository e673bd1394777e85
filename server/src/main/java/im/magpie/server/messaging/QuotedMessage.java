package im.magpie.server.messaging;

import im.magpie.server.account.UserId;

/** The message a reply quotes: its seq in the reply's conversation and who sent it (both checked on send). */
public record QuotedMessage(long seq, UserId sender) {}
