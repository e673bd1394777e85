package im.magpie.client.store;

/** A member of a conversation as stored locally; {@code role} is the proto enum name without prefix. */
public record MemberRecord(long userId, String role, long readSeq) {}
