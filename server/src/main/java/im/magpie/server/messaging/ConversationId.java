package im.magpie.server.messaging;

/** A conversation's stable numeric id. */
public record ConversationId(long value) {}
