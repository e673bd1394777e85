package im.magpie.desktop.chat;

/** What a conversation is: a chat with one person, a group, or the user's own devices (file transfer). */
public enum ConversationKind {
    DIRECT,
    GROUP,
    SELF;

    /** The kind for the store's spelling; unknown kinds are shown as groups. */
    public static ConversationKind of(String stored) {
        return switch (stored) {
            case "DIRECT" -> DIRECT;
            case "SELF" -> SELF;
            default -> GROUP;
        };
    }
}
