package im.magpie.desktop.chat;

/** A message of this device not yet acknowledged by the server (in the outbox). */
public record PendingMessage(String clientMessageId, long conversationId, long createdMs, Content content) {}
