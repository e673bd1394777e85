package im.magpie.server.messaging;

import im.magpie.server.account.UserId;

/** A current member of a conversation, with the highest seq they marked read. */
public record Member(UserId user, MemberRole role, long readSeq) {}
