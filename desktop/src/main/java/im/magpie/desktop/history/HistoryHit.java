package im.magpie.desktop.history;

/** A message found: where it is, who sent it when, and its searchable text (the text, or a file's name). */
public record HistoryHit(long conversationId, long seq, long senderId, long timeMs, String text) {}
