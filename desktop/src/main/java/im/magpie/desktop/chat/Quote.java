package im.magpie.desktop.chat;

/**
 * The message a reply quotes, as the reply's bubble shows it: its seq in the same conversation, its sender, the
 * excerpt the replying user's client made, and whether this device knows the original was recalled.
 */
public record Quote(long seq, long senderId, String excerpt, boolean originalRecalled) {
    /** The same quote, knowing whether its original was recalled. */
    public Quote withOriginalRecalled(boolean recalled) {
        return new Quote(seq, senderId, excerpt, recalled);
    }
}
