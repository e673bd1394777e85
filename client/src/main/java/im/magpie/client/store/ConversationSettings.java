package im.magpie.client.store;

/** The user's own settings for one conversation, shared by all their devices: do not disturb, and pinned first. */
public record ConversationSettings(boolean muted, boolean pinned) {
    public static final ConversationSettings NONE = new ConversationSettings(false, false);

    public ConversationSettings withMuted(boolean m) {
        return new ConversationSettings(m, pinned);
    }

    public ConversationSettings withPinned(boolean p) {
        return new ConversationSettings(muted, p);
    }
}
